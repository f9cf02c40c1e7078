package org.orderly.stream;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness with a watermark after every crossing (the greatest time seen, less the lateness allowed,
 * less one millisecond), not on a timer: which crossing is late then depends only on the order of arrival, so the job
 * decides exactly as {@link Lateness} does on the same stream. An element whose timestamp is {@link Long#MIN_VALUE}
 * (a malformed message) moves nothing.
 */
final class PerEventWatermarks<T> implements WatermarkGenerator<T> {
    private final long latenessMillis;
    private long greatest = Long.MIN_VALUE;

    PerEventWatermarks(long latenessMillis) {
        this.latenessMillis = latenessMillis;
    }

    @Override
    public void onEvent(T element, long timestamp, WatermarkOutput output) {
        if (timestamp > greatest) {
            greatest = timestamp;
            output.emitWatermark(new Watermark(greatest - latenessMillis - 1));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // Every watermark is emitted with its crossing.
    }
}
