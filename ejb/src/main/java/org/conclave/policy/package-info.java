/**
 * Security policy per meeting classification. The organisation fixes a baseline for each {@code Classification}
 * ({@code PolicySettings}: passcodes, admission, sharing, recording and retention, bans, media posture, join
 * tokens); a host may only tighten it for a meeting. {@code PolicyEvaluator} compares a meeting's settings with
 * the baseline and names every weakening at once as a {@code PolicyViolation} citing the ISO/IEC 27002:2022
 * controls the setting serves; a granted, time-limited {@code PolicyException} may allow one setting to be
 * weaker until it expires. After a baseline change, {@code drift} names what scheduled meetings now violate.
 */
package org.conclave.policy;
