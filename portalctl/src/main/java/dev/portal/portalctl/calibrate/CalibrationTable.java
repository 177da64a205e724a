package dev.portal.portalctl.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The success rates a gain sweep reports in its result detail ({@code "18 dB 0%, 23 dB 45%, 33 dB 100%..."}) and
 * the gain it applied ({@code "applied 33 dB"}), as rows to print.
 */
public record CalibrationTable(List<Row> rows, OptionalInt applied) {
    public record Row(int gainDb, int successPercent) {
    }

    private static final Pattern RATE = Pattern.compile("(\\d+) dB (\\d+)%");
    private static final Pattern APPLIED = Pattern.compile("applied (\\d+) dB");

    public static CalibrationTable parse(String detail) {
        List<Row> rows = new ArrayList<>();
        Matcher m = RATE.matcher(detail);
        while (m.find()) {
            rows.add(new Row(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        Matcher a = APPLIED.matcher(detail);
        return new CalibrationTable(rows, a.find() ? OptionalInt.of(Integer.parseInt(a.group(1))) : OptionalInt.empty());
    }

    public List<String> toText() {
        List<String> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        out.add("  gain    success");
        for (Row r : rows) {
            String bar = "#".repeat(r.successPercent / 5);
            out.add(String.format("  %2d dB  %4d%%  %-20s%s", r.gainDb, r.successPercent, bar,
                    applied.isPresent() && applied.getAsInt() == r.gainDb ? " <- applied" : ""));
        }
        return out;
    }
}
