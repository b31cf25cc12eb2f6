// The battery's words live in shared/ (the note's findings and printouts use them too).
export * from '../../../../shared/format/reassessment-format';
