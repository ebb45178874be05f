package dev.cairn.plugin.data.profile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark's data set (scripts/bench-profile): a seeded, mixed CSV of 20 columns that looks
 * like a customer table: 6 integer columns, 7 decimal ones, 5 categorical ones (one with 5,000
 * product codes, past the exact-count limit), a boolean and a label, with missing values (empty
 * fields) in 8 columns. The same seed gives the same bytes.
 *
 * <pre>java ... BenchmarkCsv FILE [ROWS] [SEED]</pre>
 */
public final class BenchmarkCsv {

    static final String HEADER = "id,age,visits,amount_cents,year,quantity,score,income,temperature,ratio,latitude,"
            + "weight_kg,balance,country,city,plan,status,product,subscribed,label";

    private final SplittableRandom random;
    private final double[] countryCdf = zipf(30, 1.1);
    private final double[] cityCdf = zipf(500, 1.0);
    private final double[] productCdf = zipf(5_000, 0.9);
    private static final String[] PLANS = {"free", "basic", "plus", "pro", "enterprise"};
    private static final String[] STATUSES = {"active", "paused", "closed"};

    BenchmarkCsv(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261201L;
        write(file, rows, seed);
    }

    static void write(Path file, long rows, long seed) throws IOException {
        BenchmarkCsv generator = new BenchmarkCsv(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (long id = 1; id <= rows; id++) {
                line.setLength(0);
                generator.row(id, line);
                line.append('\n');
                out.append(line);
            }
        }
    }

    void row(long id, StringBuilder line) {
        line.append(id).append(',');
        missingOr(0.02, line, () -> line.append(18 + random.nextInt(73)));
        line.append(',').append(poisson(4.0)).append(',');
        line.append(Math.round(Math.exp(random.nextGaussian() * 1.2 + 8))).append(',');
        line.append(1990 + random.nextInt(36)).append(',');
        line.append(1 + random.nextInt(10)).append(',');
        line.append(fixed(random.nextDouble(), 6)).append(',');
        missingOr(0.10, line, () -> line.append(fixed(Math.exp(random.nextGaussian() * 0.6 + 10.5), 2)));
        line.append(',').append(fixed(15 + 8 * random.nextGaussian(), 1)).append(',');
        missingOr(0.20, line, () -> line.append(fixed(random.nextDouble() * random.nextDouble(), 4)));
        line.append(',').append(fixed(-60 + 130 * random.nextDouble(), 5)).append(',');
        missingOr(0.05, line, () -> line.append(fixed(70 + 12 * random.nextGaussian(), 2)));
        line.append(',').append(fixed(1_000 * random.nextGaussian() + 250, 2)).append(',');
        line.append("country_").append(pick(countryCdf)).append(',');
        missingOr(0.03, line, () -> line.append("city_").append(pick(cityCdf)));
        line.append(',').append(PLANS[pick(new double[] {0.4, 0.7, 0.85, 0.97, 1.0})]).append(',');
        missingOr(0.01, line, () -> line.append(STATUSES[pick(new double[] {0.8, 0.92, 1.0})]));
        line.append(',');
        missingOr(0.04, line, () -> line.append(String.format(Locale.ROOT, "P%05d", pick(productCdf))));
        line.append(',');
        missingOr(0.01, line, () -> line.append(random.nextDouble() < 0.3 ? "true" : "false"));
        line.append(',').append(random.nextDouble() < 0.18 ? "churn" : "stay");
    }

    private void missingOr(double missingShare, StringBuilder line, Runnable value) {
        if (random.nextDouble() >= missingShare) {
            value.run();
        }
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private int pick(double[] cdf) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    private static double[] zipf(int n, double exponent) {
        double[] cdf = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1 / Math.pow(i + 1, exponent);
            cdf[i] = total;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= total;
        }
        return cdf;
    }

    /** Fixed-point text without String.format's cost (a million rows of it). */
    private static String fixed(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
