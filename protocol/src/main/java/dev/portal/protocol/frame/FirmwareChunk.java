package dev.portal.protocol.frame;

import java.util.Arrays;
import java.util.Objects;

/**
 * One piece of a firmware image. Every chunk names the whole image's SHA-256, so a device can tell chunks of
 * different jobs apart and verify the assembled image before it switches to it.
 *
 * @param jobId       u32 naming the update job
 * @param index       u32, 0-based, below {@code total}
 * @param total       u32 number of chunks, at least 1
 * @param imageSha256 32 bytes
 * @param data        1..{@link Limits#MAX_FIRMWARE_CHUNK} bytes
 */
public record FirmwareChunk(long jobId, long index, long total, byte[] imageSha256, byte[] data) implements CommandBody {
    public static final int SHA256_BYTES = 32;

    public FirmwareChunk {
        Check.u32("jobId", jobId);
        Check.u32("index", index);
        Check.u32("total", total);
        if (total < 1 || index >= total) {
            throw new IllegalArgumentException("chunk index " + index + " not below total " + total);
        }
        imageSha256 = Check.bytes("imageSha256", imageSha256, SHA256_BYTES, SHA256_BYTES);
        data = Check.bytes("data", data, 1, Limits.MAX_FIRMWARE_CHUNK);
    }

    @Override
    public byte[] imageSha256() {
        return imageSha256.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirmwareChunk c && jobId == c.jobId && index == c.index && total == c.total
                && Arrays.equals(imageSha256, c.imageSha256) && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, index, total, Arrays.hashCode(imageSha256), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "FirmwareChunk[jobId=" + jobId + ", index=" + index + ", total=" + total + ", imageSha256="
                + Hex.format(imageSha256) + ", data=" + data.length + " bytes]";
    }
}
