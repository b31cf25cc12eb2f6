// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { FormDialog } from '../../../renderer/src/components/FormDialog';
import { SignedInProviders } from './helpers';

afterEach(cleanup);

function Harness({ onClose, onSave, problem }: { onClose: () => void; onSave: () => void; problem?: string }) {
  const [name, setName] = useState('');
  return (
    <FormDialog
      open
      title="Add a room"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      submitLabel="Add room"
      dirty={name !== ''}
      onClose={onClose}
      problem={problem}
    >
      {Array.from({ length: 30 }, (_, i) => (
        <label key={i}>
          Field {i}
          <input value={i === 0 ? name : ''} onChange={(e) => i === 0 && setName(e.target.value)} />
        </label>
      ))}
    </FormDialog>
  );
}

describe('FormDialog', () => {
  it('keeps its actions outside the scrolling fields, so Save is always on screen', () => {
    render(
      <SignedInProviders>
        <Harness onClose={() => {}} onSave={() => {}} />
      </SignedInProviders>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Add a room' });
    const save = within(dialog).getByRole('button', { name: 'Add room' });
    expect(save.closest('.dialog-footer')).not.toBeNull();
    expect(save.closest('.dialog-body')).toBeNull();
    expect(within(dialog).getByLabelText('Field 29').closest('.dialog-body')).not.toBeNull();
    // The button submits the form it sits outside of.
    expect(save).toHaveAttribute('form', dialog.querySelector('form')!.id);
  });

  it('saves with the button or Ctrl+S, and shows the server’s message at the top', () => {
    const onSave = vi.fn();
    render(
      <SignedInProviders>
        <Harness onClose={() => {}} onSave={onSave} problem="A room with this name exists." />
      </SignedInProviders>,
    );
    fireEvent.keyDown(screen.getByLabelText('Field 3'), { key: 's', ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert')).toHaveTextContent('A room with this name exists.');
  });

  it('asks before throwing typed work away, and closes at once when nothing was typed', async () => {
    const onClose = vi.fn();
    render(
      <SignedInProviders>
        <Harness onClose={onClose} onSave={() => {}} />
      </SignedInProviders>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByLabelText('Field 0'), { target: { value: 'Treatment 4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const ask = await screen.findByRole('dialog', { name: 'Close without saving?' });
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Close without saving?' })).toBeNull());
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Field 0')).toHaveValue('Treatment 4');
  });
});
