import type { Language } from './languages';
import type { PhraseTable } from './translate';

/** The words of a dose ("2 sets of 10 repetitions on each side · once a day, 4 days a week"). */
export const DOSAGE_PHRASES: Record<Language, PhraseTable> = {
  en: {
    'dosage.sets': { one: '{n} set', other: '{n} sets' },
    'dosage.repetitions': { one: '{n} repetition', other: '{n} repetitions' },
    'dosage.seconds': { one: '{n} second', other: '{n} seconds' },
    'dosage.times': { one: 'once', other: '{n} times' },
    'dosage.amount.reps': '{sets} of {reps}',
    'dosage.amount.reps-hold': '{sets} of {reps}, holding each for {seconds}',
    'dosage.amount.hold': 'Hold for {seconds}, {times}',
    'dosage.amount.time': '{sets} of {seconds}',
    'dosage.per-side': '{amount} on each side',
    'dosage.per-day': { one: 'once a day', other: '{n} times a day' },
    'dosage.days-per-week': { one: '{n} day a week', other: '{n} days a week' },
    'dosage.every-day': 'every day',
    'dosage.frequency': '{perDay}, {days}',
    'dosage.full': '{amount} · {frequency}',
  },
  es: {
    'dosage.sets': { one: '{n} serie', other: '{n} series' },
    'dosage.repetitions': { one: '{n} repetición', other: '{n} repeticiones' },
    'dosage.seconds': { one: '{n} segundo', other: '{n} segundos' },
    'dosage.times': { one: 'una vez', other: '{n} veces' },
    'dosage.amount.reps': '{sets} de {reps}',
    'dosage.amount.reps-hold': '{sets} de {reps}, manteniendo cada una {seconds}',
    'dosage.amount.hold': 'Mantener {seconds}, {times}',
    'dosage.amount.time': '{sets} de {seconds}',
    'dosage.per-side': '{amount} por cada lado',
    'dosage.per-day': { one: 'una vez al día', other: '{n} veces al día' },
    'dosage.days-per-week': { one: '{n} día por semana', other: '{n} días por semana' },
    'dosage.every-day': 'todos los días',
    'dosage.frequency': '{perDay}, {days}',
    'dosage.full': '{amount} · {frequency}',
  },
};
