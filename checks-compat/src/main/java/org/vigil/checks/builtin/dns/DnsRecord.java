package org.vigil.checks.builtin.dns;

/**
 * One resource record of a response; its data stays in the message ({@code offset}, {@code length}) because names
 * in it may point anywhere in the message.
 *
 * @param name the owner name, presentation form with its final dot
 * @param type the type code
 * @param klass the class code (IN is 1)
 * @param ttl the time to live in seconds
 * @param offset where the record's data starts in the message
 * @param length the data's length
 */
public record DnsRecord(String name, int type, int klass, long ttl, int offset, int length) {
}
