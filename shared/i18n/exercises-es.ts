/**
 * The seeded exercises' patient-facing words in Spanish: title and cues, keyed by exercise id, cues in
 * the library's order. A test holds this table to the library (every id, every cue).
 */
export const EXERCISE_WORDS_ES: Readonly<Record<string, { title: string; cues: string[] }>> = {
  'hip-flexor-stretch': { title: 'Estiramiento del flexor de cadera en media rodilla', cues: ['Primero mete la cola (pelvis hacia dentro)', 'Mantente erguido: no arquees la zona lumbar', 'Estiramiento suave, nunca dolor'] },
  'couch-stretch': { title: 'Estiramiento en el sofá', cues: ['Mete la cola', 'Sube el tronco solo mientras la espalda siga recta', 'Un cojín bajo la rodilla'] },
  'open-book': { title: 'Libro abierto', cues: ['Las rodillas siguen juntas', 'La mirada sigue a la mano', 'Suelta el aire al abrir'] },
  'quadruped-thoracic-rotation': { title: 'Rotación torácica a cuatro patas', cues: ['Las caderas quietas y niveladas', 'Gira desde la parte alta de la espalda', 'La mirada sigue al codo'] },
  'cat-camel': { title: 'Gato–camello', cues: ['Lento y suave, como una ola', 'Para antes de sentir dolor', 'Respira con el movimiento'] },
  'prone-press-up': { title: 'Extensión boca abajo', cues: ['Las caderas quedan en el suelo', 'Glúteos relajados', 'Para si el dolor baja por la pierna'] },
  'hip-90-90-switch': { title: 'Cambio de cadera 90/90', cues: ['Siéntate erguido durante el cambio', 'Muévete despacio', 'Apóyate en las manos lo que necesites'] },
  'mcgill-curl-up': { title: 'Curl-up de McGill', cues: ['Levanta solo unos centímetros', 'Cabeza y pecho se mueven juntos', 'Sigue respirando al mantener'] },
  'bird-dog': { title: 'Perro de caza (bird dog)', cues: ['Espalda plana como una mesa', 'Estírate a lo largo, no hacia arriba', 'Las caderas niveladas'] },
  'dead-bug': { title: 'Bicho muerto (dead bug)', cues: ['La zona lumbar quieta en el suelo', 'Muévete despacio', 'Suelta el aire al estirar'] },
  'hip-hinge-dowel': { title: 'Bisagra de cadera con palo', cues: ['Las caderas van hacia atrás, no hacia abajo', 'Tres puntos tocan el palo', 'Las espinillas casi verticales'] },
  'single-leg-balance': { title: 'Equilibrio sobre una pierna', cues: ['La pelvis nivelada', 'La rodilla sobre los dedos del medio', 'La mirada en un punto fijo'] },
  'pallof-press': { title: 'Press Pallof', cues: ['El pecho mira al frente', 'Empuja en línea recta', 'Costillas abajo, respira'] },
  'standing-hip-flexor-march': { title: 'Marcha de pie con elevación de rodilla', cues: ['Mantente erguido, no te inclines atrás', 'La rodilla a la altura de la cadera', 'Los dedos del pie hacia arriba'] },
  'a-skip': { title: 'Ejercicio de técnica: skipping A', cues: ['Tronco alto', 'Apoya el pie bajo la cadera', 'Pies rápidos y ligeros'] },
  'side-bridge-knees': { title: 'Plancha lateral con rodillas', cues: ['El codo bajo el hombro', 'Línea recta de rodillas a cabeza', 'Sigue respirando'] },
  'side-bridge': { title: 'Plancha lateral', cues: ['El codo bajo el hombro', 'Línea recta de pies a cabeza', 'Sigue respirando'] },
  'glute-bridge': { title: 'Puente de glúteos', cues: ['Aprieta primero los glúteos', 'Empuja con los talones', 'Costillas abajo, no arquees'] },
  'marching-bridge': { title: 'Puente con marcha', cues: ['Las caderas niveladas', 'Pasos pequeños y lentos', 'Mantén los glúteos apretados'] },
  'single-leg-bridge': { title: 'Puente a una pierna', cues: ['Las caderas niveladas', 'Empuja con el talón', 'Despacio al bajar'] },
  clamshell: { title: 'Almeja', cues: ['Los pies siguen juntos', 'La pelvis no rueda hacia atrás', 'Despacio al bajar'] },
  'side-lying-hip-abduction': { title: 'Abducción de cadera de lado', cues: ['La pierna un poco por detrás del cuerpo', 'Sube guiando con el talón', 'La pelvis quieta'] },
  'split-squat': { title: 'Sentadilla dividida', cues: ['Baja en vertical, no hacia delante', 'La rodilla delantera sobre los dedos del medio', 'Tronco erguido'] },
  'step-down': { title: 'Bajada desde un escalón', cues: ['La rodilla sobre los dedos del medio', 'La pelvis nivelada', 'Baja despacio, sube firme'] },
  'calf-raise': { title: 'Elevación de talones', cues: ['Sube sobre el dedo gordo', 'Despacio al bajar', 'Mantente erguido'] },
  'suitcase-carry': { title: 'Paseo con maleta', cues: ['Mantente erguido, no te inclines', 'Hombros nivelados', 'Pasos lentos y firmes'] },
};
