#!/usr/bin/env node
/**
 * `--shard i/n`: the inputs whose content hash falls in share i of n (0-based), stable across
 * machines; `auto/n` reads the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or
 * SLURM_ARRAY_TASK_ID (Slurm array).
 */
export declare function shardOf(paths: string[], spec: string | undefined): string[];
