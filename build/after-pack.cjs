/* global require, exports, process, console */
// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is signed.
// Fuses are bits compiled into the Electron executable that switch features off for good; see
// https://www.electronjs.org/docs/latest/tutorial/fuses. A packaged Runback must not be usable as a
// general Node runtime, accept an inspector, or load app code from outside its (checked) app.asar.
//
// @electron/fuses comes with electron-builder (app-builder-lib depends on it). If it cannot be
// loaded, packaging FAILS: an unfused build is a security regression and must not slip out quietly.
// For an offline layout check with a stub Electron (docs/toolchain P7) that has no fuse wire, set
// RUNBACK_SKIP_FUSES=1; the hook then prints a warning and the result must not be distributed.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS
const path = require('node:path');

/** Where the fuse wire lives for each platform (the same paths electron-builder itself uses). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

/** The fuse settings, keyed by @electron/fuses' FuseV1Options. */
function fuseConfig(fuses, electronPlatformName) {
  const { FuseVersion, FuseV1Options } = fuses;
  return {
    version: FuseVersion.V1,
    // Apple-silicon builds carry an ad-hoc signature that flipping invalidates; re-sign ad hoc.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' || electronPlatformName === 'mas',
    [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE would turn the app into a plain Node
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS could inject code
    [FuseV1Options.EnableNodeCliInspectArguments]: false, // --inspect / SIGUSR1 debugger
    [FuseV1Options.OnlyLoadAppFromAsar]: true, // no app code from a loose folder beside app.asar
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true, // macOS + Windows check app.asar's hash
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false, // the UI is served from app://, never file://
  };
}

async function loadFuses() {
  try {
    return await import('@electron/fuses');
  } catch (error) {
    throw new Error(
      'Runback packaging stopped: the afterPack hook (build/after-pack.cjs) must flip Electron fuses, but ' +
        `@electron/fuses could not be loaded (${error && error.message}). Install it (npm install --save-dev @electron/fuses) ` +
        'or, for a local layout check only, set RUNBACK_SKIP_FUSES=1.',
    );
  }
}

async function afterPack(context) {
  if (process.env.RUNBACK_SKIP_FUSES === '1') {
    console.warn('[after-pack] RUNBACK_SKIP_FUSES=1: Electron fuses NOT flipped. Do not distribute this build.');
    return;
  }
  const fuses = await loadFuses();
  const binary = electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseConfig(fuses, context.electronPlatformName));
  console.log(`[after-pack] Electron fuses flipped in ${binary}`);
}

exports.default = afterPack;
exports.electronBinaryPath = electronBinaryPath;
exports.fuseConfig = fuseConfig;
