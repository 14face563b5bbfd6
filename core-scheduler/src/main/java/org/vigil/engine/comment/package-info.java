/**
 * Host and service comments as Nagios 4.4.6's {@code comments.c} keeps them: {@link
 * org.vigil.engine.comment.Comments} holds them in id order on the engine thread and keeps each as a retention
 * entry ({@link org.vigil.engine.retention.Entry.Kind#COMMENT}) through an {@link
 * org.vigil.engine.comment.EntrySink}. At start, retained comments come back by Nagios's rule: persistent ones,
 * and acknowledgement comments while their object is still acknowledged. Ids come from the engine's one entry
 * sequence (shared with downtimes), not from a comment sequence of their own (docs/compatibility.md).
 */
package org.vigil.engine.comment;
