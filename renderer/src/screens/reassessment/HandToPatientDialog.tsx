import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { KIOSK_WORDING } from '../../../../shared/domain/kiosk';
import type { Instrument } from '../../../../shared/domain/reassessments';
import { INSTRUMENTS, INSTRUMENT_NAMES } from '../../../../shared/domain/reassessments';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { sessionStore } from '../../api/session';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

/**
 * Before handing the screen to the patient: which questionnaire. The screen then shows that one
 * questionnaire only, and this session is locked until a staff password takes it back.
 */
export function HandToPatientDialog({ patientId, patientName, initial, onClose }: { patientId: number; patientName: string; initial?: Instrument | undefined; onClose: () => void }) {
  const { register, handleSubmit, formState, watch } = useForm<{ instrument: Instrument }>({ defaultValues: { instrument: initial ?? 'nprs' } });
  const [problem, setProblem] = useState<string | null>(null);
  const instrument = watch('instrument');

  const onSubmit = handleSubmit(async ({ instrument: chosen }) => {
    setProblem(null);
    try {
      const { kioskToken } = await call('kiosk.start', { patientId, instrument: chosen });
      sessionStore.handToPatient(kioskToken);
    } catch (error) {
      setProblem(messageOf(error));
    }
  });

  return (
    <FormDialog open size="narrow" title="Hand to patient" onClose={onClose} onSubmit={onSubmit} submitLabel={formState.isSubmitting ? 'Handing over…' : 'Hand the screen over'} submitting={formState.isSubmitting} problem={problem}>
      <p>
        The screen will show this one questionnaire for {patientName}, and nothing else of the record. Answers are saved as they are given. To take the screen back you will need your password.
      </p>
      <Field
        label="Questionnaire"
        hint={KIOSK_WORDING[instrument] === 'full' ? 'Shown with its full wording.' : 'Licensed wording: the patient sees our short labels and answer numbers — give them the printed form.'}
      >
        <select {...register('instrument')} autoFocus>
          {INSTRUMENTS.map((i) => (
            <option key={i} value={i}>
              {INSTRUMENT_NAMES[i]}
            </option>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}
