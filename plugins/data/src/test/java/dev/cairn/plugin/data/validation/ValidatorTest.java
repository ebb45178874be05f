package dev.cairn.plugin.data.validation;

import static dev.cairn.api.data.Feature.SERVING;
import static dev.cairn.api.data.Feature.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileOptions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every anomaly type with a known answer (the CSV is small enough to count by hand), its severity,
 * its description and its fix; and that a schema fixed by every offered fix validates clean.
 */
class ValidatorTest {

    private static final UUID ID = UUID.randomUUID();

    private static DatasetSchema schema(Feature... features) {
        return new DatasetSchema(ID, 3, List.of(features));
    }

    private static Feature feature(String name, FeatureType type, FeatureDomain domain) {
        return new Feature(name, type, false, domain, false, Set.of());
    }

    private static Feature required(String name, FeatureType type) {
        return new Feature(name, type, true, null, false, Set.of());
    }

    private static Anomaly only(ValidationReport report) {
        assertThat(report.anomalies()).hasSize(1);
        return report.anomalies().getFirst();
    }

    @Test
    void aVersionThatFitsItsSchemaIsClean() {
        DatasetProfile profile = Profiles.of("id,plan,monthly\n1,basic,9.5\n2,pro,19\n3,basic,9.5\n4,pro,\n");
        DatasetSchema fits = new DatasetSchema(ID, 1, List.of(required("id", FeatureType.INTEGER),
                new Feature("plan", FeatureType.CATEGORICAL, true, new FeatureDomain.Categories(Set.of("basic", "pro")), false, Set.of(), 1, 2, 2),
                new Feature("monthly", FeatureType.DECIMAL, false, new FeatureDomain.Range(0.0, 20.0), false, Set.of(), 0.75, null, null)), 4);

        ValidationReport report = Validator.validate(fits, TRAINING, profile);

        assertThat(report.clean()).isTrue();
        assertThat(report.passes()).isTrue();
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.schema()).isEqualTo(fits.ref());
    }

    @Test
    void tooFewRowsIsAnErrorOfTheDatasetAndItsFixLowersTheLeastRowCount() {
        DatasetSchema expectsFive = new DatasetSchema(ID, 2, List.of(required("id", FeatureType.INTEGER)), 5);

        Anomaly anomaly = only(Validator.validate(expectsFive, TRAINING, Profiles.column("id", "1", "2", "3")));

        assertThat(anomaly.type()).isEqualTo(AnomalyType.TOO_FEW_ROWS);
        assertThat(anomaly.severity()).isEqualTo(Severity.ERROR);
        assertThat(anomaly.feature()).isNull();
        assertThat(anomaly.subject()).isEqualTo("the dataset");
        assertThat(anomaly.description()).isEqualTo("The version has 3 rows, fewer than the 5 the schema expects.");
        assertThat(anomaly.fix().description()).isEqualTo("Lower the least row count to 3");
        DatasetSchema fixed = anomaly.fix().applyTo(expectsFive);
        assertThat(fixed.minRows()).isEqualTo(3);
        assertThat(fixed.version()).isEqualTo(3);
        assertThat(fixed.id()).isEqualTo(ID);
    }

    @Test
    void aRequiredColumnThatIsAbsentIsMissingAndCanBeMadeOptional() {
        DatasetSchema schema = schema(required("id", FeatureType.INTEGER), required("age", FeatureType.INTEGER),
                feature("nickname", FeatureType.TEXT, null));

        Anomaly anomaly = only(Validator.validate(schema, TRAINING, Profiles.column("id", "1", "2")));

        assertThat(anomaly.type()).isEqualTo(AnomalyType.MISSING_COLUMN);
        assertThat(anomaly.severity()).isEqualTo(Severity.ERROR);
        assertThat(anomaly.feature()).isEqualTo("age");
        assertThat(anomaly.description()).isEqualTo("Column age is missing: the schema has it required in TRAINING.");
        assertThat(anomaly.fix().description()).isEqualTo("Make age optional");
        Feature age = anomaly.fix().applyTo(schema).feature("age").orElseThrow();
        assertThat(age.required()).isFalse();
        assertThat(age.minFractionPresent()).isZero();
        assertThat(age.type()).isEqualTo(FeatureType.INTEGER);
    }

    @Test
    void aColumnExpectedInSomeRowsIsMissingTooButAnOptionalOneWithNoShareIsNot() {
        Feature someRows = new Feature("age", FeatureType.INTEGER, false, null, false, Set.of(), 0.5, null, null);

        Anomaly anomaly = only(Validator.validate(schema(required("id", FeatureType.INTEGER), someRows), TRAINING, Profiles.column("id", "1")));
        assertThat(anomaly.description()).isEqualTo("Column age is missing: the schema has it expected in at least 0.5 of the rows in TRAINING.");

        ValidationReport optional = Validator.validate(schema(feature("age", FeatureType.INTEGER, null), required("id", FeatureType.INTEGER)),
                TRAINING, Profiles.column("id", "1"));
        assertThat(optional.clean()).isTrue();
    }

    @Test
    void theLabelIsExpectedInTrainingNotAtServingAndItsPresenceAtServingIsAnAnomaly() {
        Feature label = new Feature("churned", FeatureType.BOOLEAN, true, null, true, Set.of(TRAINING));
        DatasetSchema schema = schema(required("id", FeatureType.INTEGER), label);

        assertThat(Validator.validate(schema, SERVING, Profiles.column("id", "1", "2")).clean())
                .as("absent at serving, as the schema says").isTrue();
        assertThat(only(Validator.validate(schema, TRAINING, Profiles.column("id", "1", "2"))).type())
                .isEqualTo(AnomalyType.MISSING_COLUMN);

        Anomaly leaked = only(Validator.validate(schema, SERVING, Profiles.of("id,churned\n1,yes\n2,no\n")));
        assertThat(leaked.type()).isEqualTo(AnomalyType.NOT_IN_ENVIRONMENT);
        assertThat(leaked.severity()).isEqualTo(Severity.ERROR);
        assertThat(leaked.description()).isEqualTo("Column churned is in the data, but the schema says it is absent in SERVING"
                + " (it is expected only in TRAINING): the label should not reach SERVING.");
        assertThat(leaked.fix().description()).isEqualTo("Expect churned in SERVING too");
        assertThat(leaked.fix().applyTo(schema).feature("churned").orElseThrow().environments()).containsExactlyInAnyOrder(TRAINING, SERVING);
    }

    @Test
    void aColumnTheSchemaDoesNotHaveIsANewColumnWarningAddedAsOptionalOfItsObservedType() {
        DatasetSchema schema = schema(required("id", FeatureType.INTEGER));

        Anomaly anomaly = only(Validator.validate(schema, TRAINING, Profiles.of("id,visits\n1,4\n2,7\n")));

        assertThat(anomaly.type()).isEqualTo(AnomalyType.NEW_COLUMN);
        assertThat(anomaly.severity()).isEqualTo(Severity.WARNING);
        assertThat(anomaly.description()).isEqualTo("Column visits is in the data but not in the schema (its values look like INTEGER).");
        assertThat(anomaly.fix().description()).isEqualTo("Add column 'visits' as optional INTEGER");
        DatasetSchema fixed = anomaly.fix().applyTo(schema);
        assertThat(fixed.features()).extracting(Feature::name).containsExactly("id", "visits");
        Feature visits = fixed.feature("visits").orElseThrow();
        assertThat(visits.required()).isFalse();
        assertThat(visits.type()).isEqualTo(FeatureType.INTEGER);
        assertThatThrownBy(() -> anomaly.fix().applyTo(fixed)).hasMessage("Schema already has a feature 'visits'.");
    }

    @Test
    void textWhereANumberWasIsATypeChangeNamingHowManyAndSomeOfThemAndTheFixDropsTheRange() {
        DatasetSchema schema = schema(feature("amount", FeatureType.INTEGER, new FeatureDomain.Range(0.0, 10.0)));

        Anomaly anomaly = only(Validator.validate(schema, TRAINING, Profiles.column("amount", "1", "2", "unknown", "3", "n/a?")));

        assertThat(anomaly.type()).isEqualTo(AnomalyType.TYPE_CHANGE);
        assertThat(anomaly.severity()).isEqualTo(Severity.ERROR);
        assertThat(anomaly.description()).isEqualTo("Text where a whole number was: 2 of 5 values in amount are not numbers"
                + " (such as 'n/a?', 'unknown').");
        assertThat(anomaly.fix().description()).isEqualTo("Change the type of amount to TEXT");
        Feature changed = anomaly.fix().applyTo(schema).feature("amount").orElseThrow();
        assertThat(changed.type()).isEqualTo(FeatureType.TEXT);
        assertThat(changed.domain()).as("a numeric range means nothing for text").isEqualTo(new FeatureDomain.Any());
    }

    @Test
    void decimalsWhereWholeNumbersWereWidenTheTypeToDecimalAndKeepTheRange() {
        DatasetSchema schema = schema(feature("amount", FeatureType.INTEGER, new FeatureDomain.Range(0.0, 10.0)));

        Anomaly anomaly = only(Validator.validate(schema, TRAINING, Profiles.column("amount", "1", "2.5", "3", "4.25")));

        assertThat(anomaly.description()).isEqualTo("Decimals where a whole number was: 2 of 4 values in amount are not whole numbers.");
        Feature changed = anomaly.fix().applyTo(schema).feature("amount").orElseThrow();
        assertThat(changed.type()).isEqualTo(FeatureType.DECIMAL);
        assertThat(changed.domain()).isEqualTo(new FeatureDomain.Range(0.0, 10.0));
    }

    @Test
    void wideTypesTakeNarrowerOnesAndABooleanTakesZeroAndOne() {
        DatasetProfile profile = Profiles.of("n,flag,code,note\n1,0,7,x\n2,1,8,7\n");
        DatasetSchema schema = schema(required("n", FeatureType.DECIMAL), required("flag", FeatureType.BOOLEAN),
                required("code", FeatureType.CATEGORICAL), required("note", FeatureType.TEXT));

        assertThat(Validator.validate(schema, TRAINING, profile).clean()).isTrue();
        assertThat(only(Validator.validate(schema(required("code", FeatureType.BOOLEAN)), TRAINING, Profiles.column("code", "7", "8")))
                .description()).isEqualTo("Whole numbers where a boolean was: the values of code are INTEGER, not BOOLEAN.");
    }

    @Test
    void valuesOutOfRangeAreCountedWithTheObservedMinAndMaxAndTheFixRelaxesTheRange() {
        DatasetSchema schema = schema(feature("age", FeatureType.INTEGER, new FeatureDomain.Range(0.0, 100.0)));

        Anomaly anomaly = only(Validator.validate(schema, TRAINING, Profiles.column("age", "-3", "50", "250", "120", "7")));

        assertThat(anomaly.type()).isEqualTo(AnomalyType.OUT_OF_RANGE);
        assertThat(anomaly.severity()).isEqualTo(Severity.ERROR);
        assertThat(anomaly.description()).isEqualTo("age has values outside its range [0, 100]: observed [-3, 250],"
                + " 1 value below 0 and 2 values above 100.");
        assertThat(anomaly.fix().description()).isEqualTo("Relax the range of age to [-3, 250]");
        assertThat(anomaly.fix().applyTo(schema).feature("age").orElseThrow().domain()).isEqualTo(new FeatureDomain.Range(-3.0, 250.0));
    }

    @Test
    void anOpenBoundStaysOpenAndTakesAnyValue() {
        DatasetSchema schema = schema(feature("age", FeatureType.INTEGER, new FeatureDomain.Range(0.0, null)));

        assertThat(Validator.validate(schema, TRAINING, Profiles.column("age", "5", "99999")).clean()).isTrue();
        Anomaly anomaly = only(Validator.validate(schema, TRAINING, Profiles.column("age", "-1", "99999")));
        assertThat(anomaly.fix().description()).isEqualTo("Relax the range of age to [-1, inf]");
        assertThat(anomaly.fix().applyTo(schema).feature("age").orElseThrow().domain()).isEqualTo(new FeatureDomain.Range(-1.0, null));
    }

    @Test
    void outOfRangeCountsAreEstimatedFromTheSketchOnceTheValuesAreNotKept() {
        String[] values = IntStream.rangeClosed(1, 2_000).mapToObj(Integer::toString).toArray(String[]::new);
        DatasetProfile profile = Profiles.of("n\n" + String.join("\n", values) + "\n", ProfileOptions.defaults().withExactValuesLimit(100));
        DatasetSchema schema = schema(feature("n", FeatureType.INTEGER, new FeatureDomain.Range(0.0, 1_000.0)));

        Anomaly anomaly = only(Validator.validate(schema, TRAINING, profile));

        // 1,000 of the 2,000 values exceed 1,000; KLL with k=200 is within about 1.3% of rank, 26 values.
        assertThat(anomaly.description()).startsWith("n has values outside its range [0, 1000]: observed [1, 2000], about ");
        long estimated = Long.parseLong(anomaly.description().replaceAll(".*about (\\d+) values above.*", "$1"));
        assertThat(estimated).isBetween(974L, 1026L);
    }

    @Test
    void unexpectedCategoriesAreNamedWithTheirRowsAndTheFixAddsThemToTheDomain() {
        DatasetSchema schema = schema(feature("region", FeatureType.CATEGORICAL, new FeatureDomain.Categories(Set.of("north", "south"))));

        Anomaly anomaly = only(Validator.validate(schema, TRAINING,
                Profiles.column("region", "north", "overseas", "south", "mars", "overseas", "north", "")));

        assertThat(anomaly.type()).isEqualTo(AnomalyType.UNEXPECTED_CATEGORY);
        assertThat(anomaly.severity()).isEqualTo(Severity.ERROR);
        assertThat(anomaly.description()).isEqualTo("region has 2 values not in its domain, in 3 rows: 'overseas' (2), 'mars' (1).");
        assertThat(anomaly.fix().description()).isEqualTo("Add 'mars', 'overseas' to the domain of region");
        assertThat(anomaly.fix().applyTo(schema).feature("region").orElseThrow().domain())
                .isEqualTo(new FeatureDomain.Categories(Set.of("north", "south", "overseas", "mars")));
    }

    @Test
    void withOnlyAnEstimateOfTheCategoriesTheCheckSaysItIsPartial() {
        StringBuilder csv = new StringBuilder("region\n");
        IntStream.range(0, 40).forEach(i -> csv.append("r").append(i).append('\n'));
        IntStream.range(0, 30).forEach(i -> csv.append("overseas\n"));
        ProfileOptions fewExact = ProfileOptions.defaults().withExactDistinctLimit(10);
        Set<String> known = new java.util.HashSet<>(IntStream.range(0, 40).mapToObj(i -> "r" + i).toList());
        DatasetSchema schema = schema(feature("region", FeatureType.CATEGORICAL, new FeatureDomain.Categories(known)));

        Anomaly found = only(Validator.validate(schema, TRAINING, Profiles.of(csv.toString(), fewExact)));
        assertThat(found.severity()).isEqualTo(Severity.ERROR);
        assertThat(found.description()).startsWith("region has values not in its domain (partial check: region has about 41 distinct values,"
                + " too many to count exactly, so only its most frequent values were compared with the domain; counts are estimates):"
                + " 'overseas' (");
        assertThat(found.fix()).isEqualTo(new SchemaFix.AddCategories("region", Set.of("overseas")));

        known.add("overseas");
        Anomaly partial = only(Validator.validate(schema(feature("region", FeatureType.CATEGORICAL, new FeatureDomain.Categories(known))),
                TRAINING, Profiles.of(csv.toString(), fewExact)));
        assertThat(partial.severity()).isEqualTo(Severity.WARNING);
        assertThat(partial.description()).startsWith("No unexpected category among the most frequent values, but this is a partial check");
        assertThat(partial.fix()).isNull();
    }

    @Test
    void tooFewPresentComparesTheObservedShareWithTheMinimumAndTheFixLowersItToTwoDecimals() {
        Feature mostRows = new Feature("email", FeatureType.TEXT, false, null, false, Set.of(), 0.95, null, null);
        StringBuilder csv = new StringBuilder("id,email\n");
        IntStream.range(0, 12).forEach(i -> csv.append(i).append(',').append(i == 4 ? "" : "a@b.c").append('\n'));
        DatasetSchema schema = schema(required("id", FeatureType.INTEGER), mostRows);

        Anomaly anomaly = only(Validator.validate(schema, TRAINING, Profiles.of(csv.toString())));

        assertThat(anomaly.type()).isEqualTo(AnomalyType.TOO_FEW_PRESENT);
        assertThat(anomaly.severity()).isEqualTo(Severity.ERROR);
        assertThat(anomaly.description()).isEqualTo("email is present in 0.9167 of the rows (11 of 12), less than the 0.95 the schema expects.");
        assertThat(anomaly.fix().description()).isEqualTo("Lower the presence share of email to 0.91");
        assertThat(anomaly.fix().applyTo(schema).feature("email").orElseThrow().minFractionPresent()).isEqualTo(0.91);
    }

    @Test
    void aRequiredFeatureWithAMissingValueIsTooFewPresentAndItsFixMakesItOptionalAtTheObservedShare() {
        DatasetSchema schema = schema(required("email", FeatureType.TEXT));

        Anomaly anomaly = only(Validator.validate(schema, TRAINING, Profiles.column("email", "a", "NA", "b", "c")));

        assertThat(anomaly.description()).isEqualTo("email is required, but 1 of 4 rows has no value (present in 0.75).");
        Feature fixed = anomaly.fix().applyTo(schema).feature("email").orElseThrow();
        assertThat(fixed.required()).isFalse();
        assertThat(fixed.minFractionPresent()).isEqualTo(0.75);
    }

    @Test
    void nanAndInfinityAreAWarningWithNoSchemaFix() {
        DatasetSchema schema = schema(required("score", FeatureType.DECIMAL));

        Anomaly anomaly = only(Validator.validate(schema, TRAINING, Profiles.column("score", "1.5", "NaN", "inf", "-Infinity", "2")));

        assertThat(anomaly.type()).isEqualTo(AnomalyType.NAN_OR_INFINITY);
        assertThat(anomaly.severity()).isEqualTo(Severity.WARNING);
        assertThat(anomaly.description()).isEqualTo("score has 1 NaN and 2 infinite values, which most models cannot take:"
                + " impute or clip them in a recipe.");
        assertThat(anomaly.fix()).isNull();
    }

    @Test
    void tooFewAndTooManyDistinctValuesAreComparedWithTheBoundsAndTheFixesMoveTheBound() {
        Feature atLeastThree = new Feature("plan", FeatureType.CATEGORICAL, false, null, false, Set.of(), 0, 3, null);
        Anomaly few = only(Validator.validate(schema(atLeastThree), TRAINING, Profiles.column("plan", "a", "b", "a")));
        assertThat(few.type()).isEqualTo(AnomalyType.TOO_FEW_DISTINCT);
        assertThat(few.severity()).isEqualTo(Severity.ERROR);
        assertThat(few.description()).isEqualTo("Expected at least 3 distinct values in plan but found only 2.");
        assertThat(few.fix().description()).isEqualTo("Lower the fewest distinct values of plan to 2");
        assertThat(few.fix().applyTo(schema(atLeastThree)).feature("plan").orElseThrow().minDistinct()).isEqualTo(2);

        Feature atMostTwo = new Feature("plan", FeatureType.CATEGORICAL, false, null, false, Set.of(), 0, 1, 2);
        Anomaly many = only(Validator.validate(schema(atMostTwo), TRAINING, Profiles.column("plan", "a", "b", "c", "a")));
        assertThat(many.type()).isEqualTo(AnomalyType.TOO_MANY_DISTINCT);
        assertThat(many.description()).isEqualTo("Expected no more than 2 distinct values in plan but found 3.");
        assertThat(many.fix().description()).isEqualTo("Raise the most distinct values of plan to 3");
        Feature raised = many.fix().applyTo(schema(atMostTwo)).feature("plan").orElseThrow();
        assertThat(raised.maxDistinct()).isEqualTo(3);
        assertThat(raised.minDistinct()).isEqualTo(1);
    }

    @Test
    void anEstimatedDistinctCountOverItsBoundIsAWarningSaidAbout() {
        String[] values = IntStream.range(0, 300).mapToObj(i -> "u" + i).toArray(String[]::new);
        Feature atMost = new Feature("user", FeatureType.TEXT, false, null, false, Set.of(), 0, null, 100);
        DatasetProfile profile = Profiles.of("user\n" + String.join("\n", values) + "\n", ProfileOptions.defaults().withExactDistinctLimit(50));

        Anomaly anomaly = only(Validator.validate(schema(atMost), TRAINING, profile));

        assertThat(anomaly.severity()).isEqualTo(Severity.WARNING);
        assertThat(anomaly.description()).matches("Expected no more than 100 distinct values in user but found about 29\\d or 30\\d\\.|"
                + "Expected no more than 100 distinct values in user but found about \\d+\\.");
        long about = Long.parseLong(anomaly.description().replaceAll(".*about (\\d+)\\.", "$1"));
        assertThat(about).as("HLL with lgK 12 is within a few percent").isBetween(290L, 310L);
    }

    @Test
    void aSchemaFixedByEveryOfferedFixValidatesCleanOfEverythingASchemaCanFix() {
        DatasetSchema schema = new DatasetSchema(ID, 4, List.of(
                required("id", FeatureType.INTEGER),
                required("age", FeatureType.INTEGER),
                feature("income", FeatureType.INTEGER, new FeatureDomain.Range(0.0, 100.0)),
                new Feature("region", FeatureType.CATEGORICAL, false, new FeatureDomain.Categories(Set.of("north")), false, Set.of(), 0.9, 2, 2),
                required("score", FeatureType.DECIMAL),
                new Feature("churned", FeatureType.BOOLEAN, true, null, true, Set.of(TRAINING))), 10);
        DatasetProfile serving = Profiles.of("""
                id,income,region,score,churned,visits
                1,50,north,1.5,yes,3
                2,250.5,overseas,NaN,no,4
                3,x,,2,no,5
                4,7,mars,3,yes,6
                """);

        ValidationReport report = Validator.validate(schema, SERVING, serving);
        assertThat(report.anomalies()).extracting(Anomaly::type).containsExactly(AnomalyType.TOO_FEW_ROWS, AnomalyType.MISSING_COLUMN,
                AnomalyType.TYPE_CHANGE, AnomalyType.TOO_FEW_PRESENT, AnomalyType.UNEXPECTED_CATEGORY, AnomalyType.TOO_MANY_DISTINCT,
                AnomalyType.NAN_OR_INFINITY, AnomalyType.NOT_IN_ENVIRONMENT, AnomalyType.NEW_COLUMN);
        assertThat(report.passes()).isFalse();

        DatasetSchema fixed = report.applyAllFixes(schema);
        assertThat(fixed.version()).as("one new version for all the fixes").isEqualTo(5);
        ValidationReport again = Validator.validate(fixed, SERVING, serving);

        assertThat(again.passes()).isTrue();
        assertThat(again.fixes()).isEmpty();
        assertThat(again.anomalies()).as("what no schema change fixes: the data's NaN").extracting(Anomaly::type)
                .containsExactly(AnomalyType.NAN_OR_INFINITY);
    }

    @Test
    void everyFixTypeIsFoundInTheReportsAbove() {
        // The sealed interface's permitted records; a new fix type must get its known-answer test here.
        assertThat(SchemaFix.class.getPermittedSubclasses()).extracting(Class::getSimpleName).containsExactlyInAnyOrder("AddCategories",
                "RelaxRange", "LowerPresence", "MakeOptional", "AddColumn", "ChangeType", "AddEnvironment", "RelaxDistinct", "LowerMinRows");
    }

    @Test
    void anEnvironmentMustBeNamedAndAFixNamesAFeatureTheSchemaLacks() {
        DatasetSchema schema = schema(required("id", FeatureType.INTEGER));
        assertThatThrownBy(() -> Validator.validate(schema, " ", Profiles.column("id", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Environment: name the environment the data is for (for example TRAINING or SERVING).");
        assertThatThrownBy(() -> new SchemaFix.MakeOptional("age").applyTo(schema))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Schema version 3 has no feature 'age' to change.");
    }
}
