/**
 * The typed audit history: one sealed record per kind of event the station writes to its audit trail
 * ({@link org.openinfusion.station.clinical.history.TrailEvent}), the port they are written through
 * ({@link org.openinfusion.station.clinical.history.AuditPort}) and the read model built from them
 * ({@link org.openinfusion.station.clinical.history.AuditHistory}, one
 * {@link org.openinfusion.station.clinical.history.SessionHistory} per session) that review, every export and the
 * restart take-up read. Pure: no file format here (type names and payload keys live in the audit adapter's
 * EventCodec), no I/O. See docs/audit.md.
 */
package org.openinfusion.station.clinical.history;
