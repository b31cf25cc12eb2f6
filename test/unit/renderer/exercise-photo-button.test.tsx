// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ExercisePhoto } from '../../../shared/program/exercise-photo';
import { setClient } from '../../../renderer/src/api/client';
import { ExercisePhotoButton } from '../../../renderer/src/screens/program/ExercisePhotoButton';
import { fakeServer, SignedInProviders } from './helpers';

afterEach(() => {
  cleanup();
  setClient(null);
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const photo: ExercisePhoto = { id: 3, patientId: 7, exerciseKey: 'clamshell', mimeType: 'image/png', sizeBytes: 70, sha256: 'a'.repeat(64), uploadedBy: 'Marisol Reyes', uploadedAt: '2026-11-20T15:00:00.000Z', removedAt: null };

function renderButton() {
  render(
    <SignedInProviders>
      <ExercisePhotoButton patientId={7} exerciseKey="clamshell" exerciseTitle="Clamshell" />
    </SignedInProviders>,
  );
}

const choose = async (file: File) => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
};

describe('exercise photo button', () => {
  it('attaches a first photo: the file’s bytes go to the server and the button then says there is one', async () => {
    let photos: ExercisePhoto[] = [];
    const server = fakeServer({
      'exercisePhotos.list': () => ({ ok: true, value: { photos } }),
      'exercisePhotos.upload': () => {
        photos = [photo];
        return { ok: true, value: photo };
      },
      'exercisePhotos.get': () => ({ ok: true, value: { photo, base64: PNG } }),
    });
    renderButton();
    const button = await screen.findByRole('button', { name: /^Add photo/ });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    expect(await screen.findByText(/No photo: the handout prints the drawing/)).toBeInTheDocument();
    await choose(new File([Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0))], 'clam.png', { type: 'image/png' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Attach photo' }));
    });
    await waitFor(() => expect(server.calls.some((c) => c.channel === 'exercisePhotos.upload')).toBe(true));
    expect(server.calls.find((c) => c.channel === 'exercisePhotos.upload')!.input).toEqual({ patientId: 7, exerciseKey: 'clamshell', fileName: 'clam.png', base64: PNG });
    expect(await screen.findByRole('button', { name: /^Photo ✓/ })).toBeInTheDocument();
  });

  it('refuses a photo over the limit before sending it, naming the limit', async () => {
    const server = fakeServer({ 'exercisePhotos.list': () => ({ ok: true, value: { photos: [] } }) });
    renderButton();
    const button = await screen.findByRole('button', { name: /^Add photo/ });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 10)], 'huge.jpg', { type: 'image/jpeg' });
    await choose(big);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Attach photo' }));
    });
    expect(await screen.findByText(/huge\.jpg is 5\.0 MB: exercise photos may be at most 5 MB/)).toBeInTheDocument();
    expect(server.calls.map((c) => c.channel)).toEqual(['exercisePhotos.list']);
  });

  it('shows the current photo and takes it out after asking', async () => {
    let photos = [photo];
    const server = fakeServer({
      'exercisePhotos.list': () => ({ ok: true, value: { photos } }),
      'exercisePhotos.get': () => ({ ok: true, value: { photo, base64: PNG } }),
      'exercisePhotos.remove': () => {
        photos = [];
        return { ok: true, value: { id: 3 } };
      },
    });
    renderButton();
    const button = await screen.findByRole('button', { name: /^Photo ✓/ });
    fireEvent.click(button);
    const img = await screen.findByRole('img', { name: 'The patient doing Clamshell' });
    expect(img.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(screen.getByText(/by Marisol Reyes/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Take photo out' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Take the photo out' }));
    await waitFor(() => expect(server.calls.some((c) => c.channel === 'exercisePhotos.remove')).toBe(true));
    expect(await screen.findByRole('button', { name: /^Add photo/ })).toBeInTheDocument();
  });
});
