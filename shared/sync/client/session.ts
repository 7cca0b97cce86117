// Enrollment and sign-in as a laptop does them: the device key (the one its bundles carry) signs a
// fresh challenge from the server each time; a person's password is sent once, at their first sign-in
// on this laptop, and what comes back (a binding) never expires with time. Later connections sign a
// new challenge and name the binding — no password, nothing on the laptop that runs out while offline.
import {
  ChallengeReplySchema,
  EnrollReplySchema,
  SessionReplySchema,
  sessionProof,
  SignInReplySchema,
  type Device,
} from '../protocol';
import type { z } from 'zod';
import { expectReply, type SyncTransport } from './answers';

/** This laptop's device key as the server knows it: its id there, and a way to sign with the key. */
export interface DeviceSigner {
  readonly deviceId: string;
  /** Ed25519 signature of the bytes, base64. */
  sign(bytes: Uint8Array<ArrayBuffer>): Promise<string>;
}

export type SignInReply = z.output<typeof SignInReplySchema>;
export type SessionReply = z.output<typeof SessionReplySchema>;

/** Registers this laptop's public key with the server under a one-time enrollment code. */
export async function enrollDevice(
  transport: SyncTransport,
  enrollment: { code: string; name: string; publicKey: string },
): Promise<Device> {
  const answer = await transport({ method: 'POST', path: '/devices/enroll', body: enrollment });
  return expectReply(answer, EnrollReplySchema, 'enroll').device;
}

/** A fresh challenge signed with the device key: what every sign-in and session carries. */
async function signedChallenge(
  transport: SyncTransport,
  signer: DeviceSigner,
): Promise<{ challenge: string; signature: string }> {
  const answer = await transport({
    method: 'POST',
    path: '/auth/challenge',
    body: { deviceId: signer.deviceId },
  });
  const { challenge } = expectReply(answer, ChallengeReplySchema, 'challenge');
  return { challenge, signature: await signer.sign(sessionProof(challenge, signer.deviceId)) };
}

/** A person's first sign-in on this laptop: the device key and the person's password. */
export async function signInPerson(
  transport: SyncTransport,
  signer: DeviceSigner,
  credentials: { login: string; password: string },
): Promise<SignInReply> {
  const proof = await signedChallenge(transport, signer);
  const answer = await transport({
    method: 'POST',
    path: '/auth/sign-in',
    body: { deviceId: signer.deviceId, ...proof, ...credentials },
  });
  return expectReply(answer, SignInReplySchema, 'sign in');
}

/** A new short-lived session from the binding: the device key signs again, no password. */
export async function openSession(
  transport: SyncTransport,
  signer: DeviceSigner,
  binding: string,
): Promise<SessionReply> {
  const proof = await signedChallenge(transport, signer);
  const answer = await transport({
    method: 'POST',
    path: '/auth/session',
    body: { deviceId: signer.deviceId, ...proof, binding },
  });
  return expectReply(answer, SessionReplySchema, 'session');
}
