// RDS for PostgreSQL DB instance classes this repository accepts, with their vCPUs (the read-replica count is
// derived from them, constructs/contracts/postgres-replicas.ts). A class missing here is refused at validation
// with this list, rather than rendered as given or failing inside a renderer.
// Sources: AWS, "Supported DB engines for DB instance classes" (PostgreSQL column),
// https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html, and
// "Hardware specifications for DB instance classes" (vCPU column),
// https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Summary.html (checked 2026-12-06).
// Current-generation families only; add a family from those pages before using it.

/** vCPUs per size, the same in every family that offers the size. */
const SIZE_VCPUS = {
  micro: 2,
  small: 2,
  medium: 2,
  large: 2,
  xlarge: 4,
  '2xlarge': 8,
  '4xlarge': 16,
  '8xlarge': 32,
  '12xlarge': 48,
  '16xlarge': 64,
  '24xlarge': 96,
  '32xlarge': 128,
} as const;

type Size = keyof typeof SIZE_VCPUS;

/** The size ranges the families offer, smallest first. */
const BURSTABLE: readonly Size[] = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const UP_TO_16XLARGE: readonly Size[] = [
  'large',
  'xlarge',
  '2xlarge',
  '4xlarge',
  '8xlarge',
  '12xlarge',
  '16xlarge',
];
const UP_TO_24XLARGE: readonly Size[] = [...UP_TO_16XLARGE, '24xlarge'];
const UP_TO_32XLARGE: readonly Size[] = [...UP_TO_24XLARGE, '32xlarge'];

const FAMILIES: Readonly<Record<string, readonly Size[]>> = {
  // Burstable: development and the restore drill only.
  'db.t3': BURSTABLE,
  'db.t4g': BURSTABLE,
  'db.m5': UP_TO_24XLARGE,
  'db.m6g': UP_TO_16XLARGE,
  'db.m6i': UP_TO_32XLARGE,
  'db.m7g': UP_TO_16XLARGE,
  'db.r5': UP_TO_24XLARGE,
  'db.r6g': UP_TO_16XLARGE,
  'db.r6i': UP_TO_32XLARGE,
  'db.r7g': UP_TO_16XLARGE,
};

/** Every known class and its vCPUs, e.g. db.r6g.xlarge → 4. */
export const rdsInstanceClassVcpus: ReadonlyMap<string, number> = new Map(
  Object.entries(FAMILIES).flatMap(([family, sizes]) =>
    sizes.map((size) => [`${family}.${size}`, SIZE_VCPUS[size]] as const),
  ),
);

/** The known classes on one line, a family at a time: db.t4g.{micro,small,…}, db.r6g.{large,…}. */
export const rdsInstanceClassList: string = Object.entries(FAMILIES)
  .map(([family, sizes]) => `${family}.{${sizes.join(',')}}`)
  .join(', ');
