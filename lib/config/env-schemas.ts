import { getAddress, isAddress } from "viem";
import { z } from "zod";

/** A 0x address, stored lower-case: the form every table uses. */
export const addressSchema = z
  .string()
  .trim()
  .refine((v) => isAddress(v, { strict: false }), "must be a 0x-prefixed 20-byte hex address")
  .transform((v) => v.toLowerCase() as `0x${string}`);

/** Comma-separated addresses; empty means none. */
export const addressListSchema = z
  .string()
  .default("")
  .transform((v, ctx) => {
    const parts = v.split(",").map((p) => p.trim()).filter(Boolean);
    const bad = parts.filter((p) => !isAddress(p, { strict: false }));
    if (bad.length > 0) {
      ctx.addIssue({ code: "custom", message: `not 0x addresses: ${bad.join(", ")}` });
      return z.NEVER;
    }
    return [...new Set(parts.map((p) => p.toLowerCase() as `0x${string}`))];
  });

export const urlSchema = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol.replace(":", ""));
      } catch {
        return false;
      }
    }, `must be a ${protocols.join(" or ")} URL`);

export const blockNumberSchema = z
  .string()
  .trim()
  .regex(/^\d+$/, "must be a block number (a non-negative integer)")
  .transform((v) => BigInt(v));

export const positiveIntSchema = (max: number) =>
  z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(max, `must be at most ${max}`);

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}\nSee README.md, "Configuration".`);
    this.name = "ConfigError";
  }
}

/** Parses `env` with `schema`, turning every problem into one line naming the variable. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const value = env[name];
      return value === undefined ? `${name} is required: ${issue.message}` : `${name}=${JSON.stringify(value)}: ${issue.message}`;
    }),
  );
}

export const checksum = (address: string) => getAddress(address);
