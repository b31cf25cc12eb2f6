import { userInfo } from 'node:os';

/** The OS user running the command line, named in its audit rows ("cli:<user>"). */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
