package dev.portal.device.firmware;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of an update a device holds, as it reports it in the detail of every FirmwareChunk result:
 * {@code have=H/T next=N}. Chunk 0 (the manifest) counts. A sender that lost its connection re-sends chunk 0,
 * reads {@code next} and continues from there.
 */
public record ChunkProgress(long jobId, long have, long total, long next) {
    private static final Pattern DETAIL = Pattern.compile("job=(\\d+) have=(\\d+)/(\\d+) next=(\\d+)");

    public boolean complete() {
        return have == total;
    }

    public String detail() {
        return "job=" + jobId + " have=" + have + "/" + total + " next=" + next;
    }

    /** Reads a progress report out of a result detail (it may be followed or preceded by other text). */
    public static java.util.Optional<ChunkProgress> find(String detail) {
        Matcher m = DETAIL.matcher(detail == null ? "" : detail);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ChunkProgress(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
    }
}
