package io.rapport.sample;

/**
 * One scripted line before timing is applied.
 *
 * @param afterHold the line follows a hold (voice) or a lookup pause (chat), so the gap before it is long
 */
record Turn(Role role, String text, boolean afterHold) {
}
