package org.vigil.perfdata;

/**
 * One writer's figures at one moment, as {@code /metrics} shows them.
 *
 * @param queued    results waiting for the receiver
 * @param capacity  the queue's bound
 * @param dropped   results dropped because the queue was full (the oldest went)
 * @param sent      results the receiver took
 * @param rejected  results the receiver refused as bad data
 * @param failures  attempts that did not reach the receiver
 * @param connected whether the last attempt reached it
 */
public record WriterCounts(String writer, int queued, int capacity, long dropped, long sent, long rejected,
                           long failures, boolean connected) {
}
