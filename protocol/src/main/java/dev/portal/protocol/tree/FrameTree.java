package dev.portal.protocol.tree;

import dev.portal.protocol.frame.Frame;
import java.util.Map;

/**
 * A frame as a plain tree of {@code Map<String,Object>}, {@code List}, {@code String}, {@code Boolean},
 * {@code Integer}/{@code Long}: what portalctl prints, the conformance suite stores and the bridge publishes
 * as JSON. Field names are the record component names; enums are lower-case names; bytes are lower-case hex;
 * colours are six hex digits. Numbers come out as Integer when they fit, else Long.
 *
 * <pre>{"header": {"version": "1.0", "bootId": .., "sequence": .., "timestampMillis": .., "clockSynced": true,
 *   "flags": 0}, "type": "tag_placed", "body": {"pad": 1, "slot": 0, "uid": "04a1..", "tagType": "ntag215"}}</pre>
 */
public final class FrameTree {
    private FrameTree() {
    }

    public static Map<String, Object> toTree(Frame frame) {
        return TreeWriter.frame(frame);
    }

    /**
     * The frame a tree describes. Strict: missing fields, unknown fields, wrong types and out-of-range values
     * are refused with a message naming the field's path.
     *
     * @throws IllegalArgumentException when the tree does not describe a valid frame
     */
    public static Frame fromTree(Map<String, ?> tree) {
        return TreeReader.frame(new Node(tree, ""));
    }
}
