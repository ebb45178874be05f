package dev.cairn.plugin.data.demo;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded, synthetic datasets for the demo projects, labelled as synthetic wherever they appear.
 * Each comes as two batches: the second drifted the way real batches drift (a price rise, more
 * support calls, a category that did not exist), so that profiling, validation and drift have
 * something to find. The same seed gives the same bytes.
 */
public final class SyntheticData {

    /** Said on every version made from this data. */
    public static final String LABEL = "Synthetic demo data (no real person or business), made by Cairn's seeded generator";

    private SyntheticData() {
    }

    /**
     * Subscribers of a streaming service with whether they cancelled (churned, the label).
     *
     * @param batch 1, or 2 for the drifted batch: prices up about 8%, support calls up, and the new
     *              plan "family"
     */
    public static String subscribers(long seed, int rows, int batch) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder(rows * 96);
        csv.append("subscriber_id,signup_date,tenure_months,plan,monthly_charge,data_gb,support_calls,region,contract,auto_pay,"
                + "last_login_days,churned\n");
        LocalDate snapshot = batch == 1 ? LocalDate.of(2026, 10, 1) : LocalDate.of(2026, 11, 1);
        for (int i = 0; i < rows; i++) {
            String plan = pick(random, batch == 1 ? new String[] {"basic", "plus", "pro"} : new String[] {"basic", "plus", "pro", "family"},
                    batch == 1 ? new double[] {0.5, 0.3, 0.2} : new double[] {0.44, 0.27, 0.17, 0.12});
            int tenure = 1 + (int) Math.min(95, -Math.log(1 - random.nextDouble()) * 22);
            LocalDate signup = snapshot.minusMonths(tenure).plusDays(random.nextInt(28));
            double base = switch (plan) {
                case "basic" -> 9.99;
                case "plus" -> 19.99;
                case "pro" -> 34.99;
                default -> 44.99;
            };
            double charge = Math.max(4.99, base * (batch == 1 ? 1.0 : 1.08) + gaussian(random) * 1.5);
            double dataGb = Math.exp(2.2 + 0.6 * gaussian(random) + (plan.equals("basic") ? -0.4 : 0.2));
            int calls = poisson(random, batch == 1 ? 1.1 : 1.9);
            String region = pick(random, new String[] {"north", "south", "east", "west"}, new double[] {0.31, 0.27, 0.24, 0.18});
            String contract = random.nextDouble() < (tenure > 24 ? 0.55 : 0.25) ? "annual" : "monthly";
            boolean autoPay = random.nextDouble() < 0.62;
            Integer lastLogin = random.nextDouble() < 0.05 ? null : (int) Math.min(365, -Math.log(1 - random.nextDouble()) * 9);
            double logit = -2.1 + 0.45 * calls + (contract.equals("monthly") ? 0.9 : -0.6) - 0.025 * tenure + (autoPay ? -0.4 : 0.3)
                    + (lastLogin == null ? 0.2 : 0.03 * lastLogin) + 0.02 * (charge - base);
            boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            csv.append(String.format(Locale.ROOT, "S%06d,%s,%d,%s,%.2f,%.1f,%d,%s,%s,%s,%s,%s\n", seed % 1000 * 10_000 + i, signup, tenure,
                    plan, charge, dataGb, calls, region, contract, autoPay, lastLogin == null ? "" : lastLogin, churned));
        }
        return csv.toString();
    }

    /**
     * Weekly unit sales per store and product (units_sold, the label), for a demand forecast.
     *
     * @param batch 1, or 2 for the drifted batch: later weeks, promotions twice as common, prices up,
     *              and the new store "S09"
     */
    public static String weeklyDemand(long seed, int rows, int batch) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder(rows * 48);
        csv.append("week,store,product,category,price,promo,temperature_c,units_sold\n");
        LocalDate first = batch == 1 ? LocalDate.of(2026, 1, 5) : LocalDate.of(2026, 7, 6);
        String[] categories = {"dairy", "bakery", "produce", "frozen"};
        for (int i = 0; i < rows; i++) {
            LocalDate week = first.plusWeeks(random.nextInt(26));
            int storeCount = batch == 1 ? 8 : 9;
            String store = String.format(Locale.ROOT, "S%02d", 1 + random.nextInt(storeCount));
            int product = 1 + random.nextInt(20);
            String category = categories[(product - 1) % categories.length];
            double price = (1.5 + product * 0.35) * (batch == 1 ? 1.0 : 1.06) * (1 + 0.03 * gaussian(random));
            boolean promo = random.nextDouble() < (batch == 1 ? 0.12 : 0.24);
            double temperature = 11 + 9 * Math.sin((week.getDayOfYear() - 100) / 365.0 * 2 * Math.PI) + 2.5 * gaussian(random);
            double mean = 40 + 3 * (20 - product) + (promo ? 25 : 0) + (category.equals("frozen") ? 1.2 * temperature : 0) - 4 * price;
            int units = poisson(random, Math.max(2, mean));
            csv.append(String.format(Locale.ROOT, "%s,%s,P%03d,%s,%.2f,%s,%.1f,%d\n", week, store, product, category, price, promo,
                    temperature, units));
        }
        return csv.toString();
    }

    private static String pick(SplittableRandom random, String[] values, double[] weights) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < values.length; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Box-Muller: a standard normal from two uniforms. */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Knuth's method for small means; a rounded normal approximation above 30. */
    private static int poisson(SplittableRandom random, double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
