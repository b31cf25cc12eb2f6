import type { EvidenceGrade } from './evidence';

/**
 * Every paper, guideline or page a rule cites, copied from /reference/clinical.md with its status
 * (✅ confirmed, ⚠️ secondary or partial, ❌ not confirmed). `short` is what a reason sentence shows.
 */
export interface Source {
  id: string;
  short: string;
  citation: string;
  status: string;
  grade: EvidenceGrade;
}

const S = <const T extends readonly Source[]>(list: T) => list;

export const SOURCES = S([
  // ASTEROID (clinical.md §1)
  { id: 'asteroid-bjsm-2024', short: 'Neason et al., Br J Sports Med 2024 (ASTEROID RCT)', citation: 'Neason C et al. Running is acceptable and efficacious in adults with non-specific chronic low back pain: the ASTEROID randomised controlled trial. Br J Sports Med, online 7 Oct 2024. doi:10.1136/bjsports-2024-108245, PMID 39375007. Registration ACTRN12622001276741.', status: '✅', grade: 'confirmed' },
  { id: 'asteroid-protocol-2023', short: 'Tagliaferri et al., BMJ Open Sport Exerc Med 2023 (ASTEROID protocol)', citation: 'Tagliaferri SD et al. BMJ Open Sport Exerc Med 2023;9(1):e001524. doi:10.1136/bmjsem-2022-001524.', status: '✅', grade: 'confirmed' },
  { id: 'asteroid-newatlas', short: 'New Atlas news story on ASTEROID (run intervals 15 s → 3 min)', citation: 'newatlas.com/health-wellbeing/lowr-back-pain-run-walk (news report of the ASTEROID interval structure).', status: '⚠️ news source only', grade: 'secondary' },
  { id: 'asteroid-sss-2023', short: 'ASTEROID, Sydney Spinal Symposium 2023 abstract #21', citation: 'Sydney Spinal Symposium 2023, abstract #21 (sss-2023.p.asnevents.com.au/days/2023-09-29/abstract/97252).', status: '✅', grade: 'confirmed' },
  { id: 'asteroid-issls-2025', short: 'ASTEROID, ISSLS 2025 abstract', citation: 'ISSLS 2025 abstract (issls-2025.p.asnevents.com.au/days/2025-05-15/abstract/115409).', status: '✅', grade: 'confirmed' },
  { id: 'samanna-2026', short: 'Samanna et al. (ASTEROID secondary analysis; hypothesis-generating)', citation: 'Samanna et al. Running is associated with intervertebral disc adaptations: a pre-planned secondary analysis of the ASTEROID RCT (ncdpolicylab.org abstract). Year ⚠️, journal ❌ not confirmed.', status: '✅ findings (hypothesis-generating) · ⚠️ year · ❌ journal', grade: 'confirmed' },
  { id: 'belavy-2017', short: 'Belavý et al., Sci Rep 2017', citation: 'Belavý DL et al. Running exercise strengthens the intervertebral disc. Sci Rep 2017;7:45975. doi:10.1038/srep45975.', status: '✅', grade: 'confirmed' },
  // Pain monitoring (clinical.md §2.1)
  { id: 'silbernagel-2007', short: 'Silbernagel et al., Am J Sports Med 2007 (pain-monitoring model)', citation: 'Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J. Am J Sports Med 2007;35(6):897–906. The ≤5/10, next-morning and week-to-week rules are widely attributed to it; its methods text was not read.', status: '✅ paper · ⚠️ rule wording', grade: 'secondary' },
  { id: 'pain-monitoring-goom', short: 'Pain-monitoring model handout (bim.physio, credits Tom Goom)', citation: 'bim.physio/the-pain-monitoring-model: ≤3/10 safe, 4–5/10 acceptable, >5/10 too much; the 24-hour response matters more than pain during exercise.', status: '⚠️ clinical handout', grade: 'secondary' },
  // Load and progression (clinical.md §2.2–2.5)
  { id: 'frandsen-2025', short: 'Frandsen et al., Br J Sports Med 2025 (Garmin-RUNSAFE)', citation: 'Frandsen JSB et al. How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study. Br J Sports Med 2025. A single session >10–30% longer than the longest run in the past 30 days: HRR 1.64 [1.31, 2.05].', status: '✅', grade: 'confirmed' },
  { id: 'gabbett-2016', short: 'Gabbett, Br J Sports Med 2016 (ACWR)', citation: 'Gabbett TJ. Br J Sports Med 2016;50:273–80. ACWR 0.8–1.3 "sweet spot", ≥1.5 "danger zone", from team-sport data.', status: '✅', grade: 'confirmed' },
  { id: 'impellizzeri-2020', short: 'Impellizzeri et al., Sports Med 2020 and J Athl Train 2020 (ACWR critique)', citation: 'Impellizzeri FM et al. Sports Med 2020 ("Time to dismiss ACWR": the ratio is a statistical artefact); J Athl Train 2020;55(9):893.', status: '✅', grade: 'confirmed' },
  { id: 'trials-2023', short: 'Return-to-run table, Trials 2023 protocol', citation: 'Trials 2023 protocol, telehealth gait retraining in soldiers, Table 1 (doi:10.1186/s13063-023-07502-x): do each phase at least twice before progressing; do not progress with swelling, stiffness or increased pain; ≥1 rest day between runs; level surfaces, no hills; RPE 3–5/10.', status: '✅', grade: 'confirmed' },
  { id: 'physiotivity', short: 'Physiotivity walk-to-run program (clinic blog)', citation: 'physiotivity.com/walk-to-run: easy conversational pace; stop if pain develops or worsens during the run.', status: '⚠️ clinic blog', grade: 'secondary' },
  { id: 'vitallife', short: 'Vital Life Physio running interval program', citation: 'vitallifephysio.ca Running Interval Program #1: depending on symptoms go back one workout, repeat it, or skip 1–2.', status: '⚠️', grade: 'secondary' },
  { id: 'runnershub', short: 'therunnershub.com.au "bad pain" list', citation: 'therunnershub.com.au: pain persisting at rest or at night, neurological signs, or symptoms not improving over time need review.', status: '⚠️', grade: 'secondary' },
  { id: 'clinical-md-2-5', short: 'Runback synthesis of progress/hold/regress logic (clinical.md §2.5; clinic must sign off)', citation: 'Candidate progress / hold / regress logic synthesised from the sources in clinical.md §2.1–2.4; the clinic signs it off as policy.', status: 'synthesised', grade: 'clinic-policy' },
  { id: 'clinic-policy', short: 'Clinic policy (set by the clinic)', citation: 'A setting chosen by the clinic where no confirmed source gives the figure.', status: '❌ not a published figure', grade: 'clinic-policy' },
  // Reassessment (clinical.md §3)
  { id: 'thomas-bmc-2021', short: 'Modified Thomas test table, BMC Sports Sci Med Rehabil 2021', citation: 'BMC Sports Sci Med Rehabil 2021 (s13102-021-00242-y): hip angle >0° (thigh above horizontal) = short one-joint hip flexors; knee angle <67° = short two-joint hip flexors.', status: '✅', grade: 'confirmed' },
  { id: 'peeler-2008', short: 'Peeler & Anderson, J Athl Train 2008', citation: 'Peeler & Anderson, J Athl Train 2008: modified Thomas rectus femoris knee angle SEM 7°.', status: '✅', grade: 'confirmed' },
  { id: 'vigotsky-2016', short: 'Vigotsky et al., PeerJ 2016', citation: 'Vigotsky 2016 PeerJ (PMC4991856): the modified Thomas test is not valid unless pelvic tilt is controlled.', status: '✅', grade: 'confirmed' },
  { id: 'roach-2013', short: 'Roach et al., IJSPT 2013 (device differences)', citation: 'Roach et al. IJSPT 2013 (PMC3811733): inclinometer and goniometer differ by about 3–5° on average; record the device and use the same one at each visit.', status: '✅', grade: 'confirmed' },
  { id: 'roach-2015', short: 'Roach et al., IJSPT 2015', citation: 'Roach et al. IJSPT 2015 (PMC4325283): passive hip extension +6.8° in controls vs −4.2° in NSCLBP (digital inclinometer).', status: '✅ values · ❌ test position', grade: 'confirmed' },
  { id: 'kouyoumdjian-2012', short: 'Kouyoumdjian et al., OTSR 2012', citation: 'Kouyoumdjian et al. OTSR 2012: healthy adults 20–60 yr prone ER 41.8°, IR 35.2°; supine ER 38.5°, IR 29.6°.', status: '✅', grade: 'confirmed' },
  { id: 'jat-2012-thoracic', short: 'Thoracic rotation reliability, J Athl Train 2012;47(1):52–60', citation: 'J Athl Train 2012;47(1):52–60 (PubMed 22488230; usually cited as Johnson et al. ⚠️): inter-tester MDC 2.8–6.3°, intra-tester 2.1–5.9°.', status: '✅ reliability · ❌ norms', grade: 'confirmed' },
  { id: 'matsel-thoracic', short: 'Lumbar-locked rotation screening threshold (conference abstract)', citation: 'kylematsel.com conference abstract: screening threshold <50° (quadruped lumbar-locked, visual estimate).', status: '⚠️', grade: 'secondary' },
  { id: 'schober-topend', short: 'Modified Schober procedure (topendsports.com)', citation: 'topendsports.com Schober page: 15 cm span; an increase to >20 cm (≥5 cm excursion) is normal.', status: '✅ procedure · ⚠️ norm', grade: 'secondary' },
  { id: 'tousignant-2005', short: 'Tousignant 2005 (modified-modified Schober)', citation: 'Tousignant 2005 (via physiohub.io): MMST ICC intra 0.95, inter 0.91; no universal cut-off for LBP; MDC ❌.', status: '✅ ICC · ❌ MDC', grade: 'confirmed' },
  { id: 'ayala-2013', short: 'Ayala et al., Phys Ther Sport 2013', citation: 'Ayala et al. Phys Ther Sport 2013: passive SLR ≥80° = normal hamstring flexibility, <80° limited.', status: '✅', grade: 'confirmed' },
  { id: 'hicks-2005', short: 'Hicks et al., Arch Phys Med Rehabil 2005', citation: 'Hicks et al. Arch Phys Med Rehabil 2005;86:1753: stabilisation CPR items age <40, SLR >91°, aberrant movement, positive prone instability test. "≥3 of 4" ❌.', status: '✅', grade: 'confirmed' },
  { id: 'mens-2001', short: 'Mens et al. 2001 (ASLR)', citation: 'Mens 2001 (evidenceinphysicaltherapy.wikidot.com): ASLR 0–5 per side, sum 0–10; 1–10 = positive; test–retest ICC 0.83.', status: '✅', grade: 'confirmed' },
  { id: 'delitto-2012', short: 'Delitto et al. LBP CPG 2012 (prone instability test)', citation: 'Delitto 2012 CPG table (PMC4893951): prone instability test positive if resting pain subsides with legs lifted; κ 0.87, Sn 0.72, Sp 0.58.', status: '✅', grade: 'confirmed' },
  { id: 'sls-rrp-2012', short: 'Single-leg squat criteria, Rehabil Res Pract 2012', citation: 'Rehabil Res Pract 2012 (hindawi.com/journals/rerp/2012/803637): 5 criteria rated good/poor; 10-point rating inter-rater ICC 0.71 (BMC MSD 2012;13:207).', status: '✅', grade: 'confirmed' },
  { id: 'mcgill-1999', short: 'McGill et al., Arch Phys Med Rehabil 1999', citation: 'McGill et al. Arch Phys Med Rehabil 1999;80(8):941: torso endurance battery, reliability >0.97. Absolute norm seconds ❌.', status: '✅ abstract', grade: 'confirmed' },
  { id: 'mcgill-ratios', short: 'McGill endurance ratio targets (matassessment.com)', citation: 'matassessment.com: flexion/extension <1.0; right/left side bridge ≈1; side bridge/extension <0.75.', status: '⚠️', grade: 'secondary' },
  { id: 'biering-sorensen-1984', short: 'Biering-Sørensen, Spine 1984', citation: 'Biering-Sørensen 1984, Spine 9(2):106; Demoulin et al. Joint Bone Spine 2006. The 176 s cut-off ❌ not confirmed.', status: '✅ · ❌ cut-off', grade: 'confirmed' },
  // Home exercise (clinical.md §6)
  { id: 'george-2021-cpg', short: 'George et al., JOSPT 2021 LBP CPG', citation: 'George SZ et al. JOSPT 2021;51(11):CPG1–60: chronic LBP with movement-control impairment — use specific trunk activation and movement control.', status: '✅', grade: 'confirmed' },
  { id: 'acsm-bandy', short: 'ACSM (Garber 2011) and Bandy & Irion 1997 stretching dose', citation: 'ACSM / Garber 2011: hold 10–30 s, 2–4 reps, ≥2–3 days/week; Bandy & Irion Phys Ther 1997: 30 s as effective as 60 s.', status: '✅ generic · ❌ hip-flexor-specific dose', grade: 'confirmed' },
  { id: 'mcgill-big3', short: 'McGill Big 3 (McGill-method pages; interview transcript)', citation: 'Curl-up, side bridge, bird dog; ≈10 s holds in a descending pyramid (voicetube transcript); bird dog 5–10 s holds (harrisonclinic.co.uk, powerrackstrength.com). Exact reps ❌.', status: '⚠️', grade: 'secondary' },
  { id: 'exercise-handouts', short: 'Clinic exercise handouts (peak-physio.com.au, biofunctionalhealth)', citation: 'Glute bridge 2 × 8–10 with a 2-breath hold; open-book 3 × 10 with a one-breath pause.', status: '⚠️ handouts', grade: 'secondary' },
  // Outcome measures (clinical.md §4)
  { id: 'odi-scoring', short: 'ODI scoring and bands (RehabMeasures; asir-journal table)', citation: 'ODI v1.0/2.x: 10 sections scored 0–5; ODI% = sum ÷ (5 × answered sections) × 100; bands 0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippled, 81–100 bed-bound or exaggerating.', status: '✅', grade: 'confirmed' },
  { id: 'fritz-irrgang-2001', short: 'Fritz & Irrgang, Phys Ther 2001 (modified ODI)', citation: 'Fritz & Irrgang, Phys Ther 2001;81:776: employment/homemaking replaces sex life; MCID 6 points; MDC 12.68.', status: '✅', grade: 'confirmed' },
  { id: 'ostelo-2008', short: 'Ostelo et al., Spine 2008 (MIC consensus)', citation: 'Ostelo et al. Spine 2008;33(1):90: ODI MIC 10 points or 30%; NPRS 2 points or 30%; VAS 15; RMDQ 5 points or 30%.', status: '✅', grade: 'confirmed' },
  { id: 'odi-mdc-sheets', short: 'ODI scoring-sheet copies (idcafe.net; ilovetranslation)', citation: 'ODI MDC "10 % points" in one copy; "5 points or 10 % points" in another.', status: '⚠️ inconsistent', grade: 'secondary' },
  { id: 'childs-2005', short: 'Childs et al., Spine 2005 (NPRS)', citation: 'Childs et al. Spine 2005;30(11):1331: NPRS SEM 1.02, MDC 2 points; "a 2-point change represents clinically meaningful change".', status: '✅', grade: 'confirmed' },
  { id: 'kamper-2010', short: 'Kamper et al., Eur Spine J 2010', citation: 'Kamper et al. Eur Spine J 2010: NRS = 0 and RMDQ ≤2 best identify patient-perceived recovery.', status: '✅', grade: 'confirmed' },
  { id: 'stratford-1995', short: 'Stratford et al., Physiother Can 1995 (PSFS)', citation: 'Stratford et al. Physiother Can 1995;47:258: up to 3 (some versions 5) activities rated 0–10; score = mean; MDC (90%) 2 points average, 3 points single activity.', status: '✅', grade: 'confirmed' },
  { id: 'stratford-1996', short: 'Stratford et al., Phys Ther 1996 (RMDQ)', citation: 'Stratford et al. Phys Ther 1996;76:359: RMDQ MDC (90%) 4–5 points; too imprecise below 4 or above 20.', status: '✅', grade: 'confirmed' },
  { id: 'rmdq-scoring', short: 'Roland-Morris scoring (scientificspine; physio-pedia; Macedo 2010)', citation: '24 items qualified by "because of my back"; score = items ticked (0–24); not-applicable items score 0.', status: '✅', grade: 'confirmed' },
  { id: 'keele-sbst', short: 'Keele STarT Back Screening Tool (keele.ac.uk/sbst)', citation: 'Keele STarT Back 9-item tool: total ≤3 low risk; total ≥4 with distress subscale (items 5–9) ≤3 medium, 4–5 high; item 9 positive only for "very much" or "extremely".', status: '✅ · ❌ commercial licence', grade: 'confirmed' },
  // Billing (clinical.md §5)
  { id: 'cms-8-minute', short: 'CMS 8-minute rule (Claims Processing Manual 100-04 ch. 5)', citation: 'CMS Medicare Claims Processing Manual 100-04, ch. 5 (§20.2 ⚠️ from memory); KMC University; productivitycalc.com; AOTA timed codes; postacutetools.com.', status: '✅', grade: 'confirmed' },
  { id: 'cpt-midpoint', short: 'CPT midpoint ("substantial portion") rule (productivitycalc citing APTA/ASHA)', citation: 'Commercial payers may apply the CPT midpoint rule per code instead of the CMS total-minutes rule (productivitycalc.com citing APTA/ASHA).', status: '✅', grade: 'confirmed' },
  { id: 'cpt-descriptors', short: 'PT CPT descriptors (Coding Ahead AMA descriptors; CMS MM9782)', citation: 'Coding Ahead (AMA descriptors); CMS MM9782 via legalclarity; coding blogs for 97530/97535/97750 ⚠️.', status: '✅ · ⚠️ 97163 time, 97530/97535/97750 wording', grade: 'confirmed' },
  { id: 'icd10-m545', short: 'ICD-10-CM FY2022 low back pain expansion (medmio; verimedix)', citation: 'M54.5 deleted 1 Oct 2021, replaced by M54.50, M54.51, M54.59.', status: '✅', grade: 'confirmed' },
  { id: 'pt-modifiers', short: 'PT claim modifiers (CMS; WebPT on NCCI pairs)', citation: 'GP: Medicare requires it on every PT line, evaluations included (many commercial payers expect it too). 59 / XE / XS / XP / XU: distinct procedural service for NCCI edit pairs, e.g. 97140 with 97530; since 1 July 2019 CMS unbundles the pair when the modifier is on either code (WebPT).', status: '✅', grade: 'confirmed' },
  { id: 'pt-superbill', short: 'CMS-1500 diagnosis pointers (open-exam-prep guide; Medicare Claims Processing Manual ch. 26)', citation: 'Box 21: up to 12 ICD-10 codes labelled A–L, most specific first; box 24E: a diagnosis pointer of up to 4 letters per line (older forms used 1–4).', status: '✅', grade: 'confirmed' },
  { id: 'medicare-cadence', short: 'Medicare documentation cadence (billing guides)', citation: 'Progress report at least every 10 treatment days; plan of care certified within 30 days and for at most 90 days; a discharge note for each episode (billing guides; clinical.md §9).', status: '✅', grade: 'confirmed' },
  { id: 'cloned-notes', short: 'Payers deny cloned documentation (NGS; AAPC)', citation: 'Notes copied forward from an earlier visit without visit-specific change ("cloned" documentation) are denied by payers (NGS Medicare and AAPC articles; clinical.md §9).', status: '✅', grade: 'confirmed' },
  { id: 'icd10-fy2025', short: 'ICD-10-CM FY2025 disc degeneration expansion (diseasedb; s10.ai)', citation: 'From 1 Oct 2024 M51.36/M51.37 were expanded to six-character codes (M51.360 and M51.370 titles ✅ diseasedb; the others ⚠️). FY2026 changes ❌ not checked.', status: '✅ M51.360/M51.370 · ⚠️ others', grade: 'secondary' },
] as const);

export type SourceId = (typeof SOURCES)[number]['id'];

const BY_ID: ReadonlyMap<string, Source> = new Map(SOURCES.map((s) => [s.id, s]));

export function getSource(id: SourceId): Source {
  const s = BY_ID.get(id);
  if (!s) throw new Error(`Unknown source id ${id}`);
  return s;
}

/** The short citations joined, for a reason's `source` field. */
export function citeSources(ids: readonly SourceId[]): string {
  return ids.map((id) => getSource(id).short).join('; ');
}
