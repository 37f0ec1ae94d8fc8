/**
 * Recording under consent: the notice every participant answers (purpose, what is recorded, where it is kept, who
 * may see it, for how long), the append-only consent ledger, authorising a recording only when everyone present
 * consented, alerts when someone without consent is present while it runs, the file the platform reports, access
 * to it, and its deletion on the date the retention rule fixes unless a legal hold keeps it.
 */
package org.conclave.recording;
