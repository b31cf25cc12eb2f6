import { render } from '@testing-library/react';
import { ShellStateProvider } from '../../../renderer/src/app/shell-state';
import { PatientsScreen } from '../../../renderer/src/screens/patients/PatientsScreen';
import { SignedInProviders } from './helpers';

/** The patient list as the app shows it, signed in, against whichever fake server the test set. */
export function showPatientList() {
  return render(
    <SignedInProviders>
      <ShellStateProvider>
        <PatientsScreen />
      </ShellStateProvider>
    </SignedInProviders>,
  );
}
