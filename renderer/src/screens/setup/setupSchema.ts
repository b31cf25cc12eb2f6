import { z } from 'zod';
import { clinicInputSchema } from '../../../../shared/domain/clinic';
import { newUserSchema } from '../../../../shared/domain/user';

/** First run: the clinic and its first admin, with the password typed twice. */
export const setupFormSchema = z.object({
  clinic: clinicInputSchema,
  admin: newUserSchema
    .omit({ role: true })
    .extend({ confirmPassword: z.string() })
    .refine((a) => a.password === a.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords are not the same', when: () => true }),
});

export type SetupFormInput = z.input<typeof setupFormSchema>;
export type SetupFormOutput = z.output<typeof setupFormSchema>;
