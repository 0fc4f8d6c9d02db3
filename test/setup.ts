// Shared vitest setup. Kept empty of heavy imports: every worker pays for what is loaded here.
process.env.CHECKPOINT_DISABLE = '1';
