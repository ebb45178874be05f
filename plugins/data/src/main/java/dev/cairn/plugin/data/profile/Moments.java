package dev.cairn.plugin.data.profile;

/**
 * Count, mean, variance (Welford's online update, which does not lose precision the way a sum of
 * squares does), min and max of finite values; two of them merge exactly (Chan et al.'s pairwise
 * formula), so batches can be profiled apart.
 */
final class Moments {

    long count;
    double mean;
    /** Sum of squared differences from the mean. */
    double m2;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    /** Adds {@code weight} occurrences of x (West's weighted form of Welford's update). */
    void add(double x, long weight) {
        long n = count += weight;
        double delta = x - mean;
        mean += delta * weight / n;
        m2 += weight * delta * (x - mean);
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
    }

    void merge(Moments other) {
        if (other.count == 0) {
            return;
        }
        if (count == 0) {
            count = other.count;
            mean = other.mean;
            m2 = other.m2;
            min = other.min;
            max = other.max;
            return;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        mean += delta * other.count / n;
        m2 += other.m2 + delta * delta * ((double) count * other.count / n);
        count = n;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Sample standard deviation (n - 1); 0 for a single value. */
    double std() {
        return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
    }
}
