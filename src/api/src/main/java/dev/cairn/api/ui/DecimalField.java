package dev.cairn.api.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * A decimal number typed as the user writes numbers: {@code 0,45} in German and {@code 0.45} in
 * English are both 0.45. A number in the other convention ({@code 0.45} typed by a German user) is
 * refused with an example rather than read as 45. Optionally range-checked (a rate lies in [0, 1]);
 * under the field it says what it understood. Vaadin's own NumberField leaves parsing to the browser
 * and silently yields "no value" for what it cannot read.
 */
public class DecimalField extends TextField {

    private Double min;
    private Double max;
    private boolean required;
    private Locale fixedLocale;

    public DecimalField(String label) {
        super(label);
        setAllowedCharPattern("[0-9.,\\-\u2212 \u00a0'eE+]");
        addValueChangeListener(change -> explain());
    }

    /** Accepts only numbers in [min, max]. */
    public DecimalField range(double min, double max) {
        this.min = min;
        this.max = max;
        return this;
    }

    /** A rate or share: a number in [0, 1]. */
    public DecimalField rate() {
        return range(0, 1);
    }

    public DecimalField required() {
        this.required = true;
        setRequiredIndicatorVisible(true);
        return this;
    }

    /** Reads numbers in this locale instead of the user's (the UI's) locale. */
    public DecimalField locale(Locale locale) {
        this.fixedLocale = locale;
        return this;
    }

    /** The number typed, or null when the field is empty (and not required); a clear refusal otherwise. */
    public Double getNumber() {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return parse(getValue(), locale()).orElse(null);
    }

    /** Shows a number in the user's format (null clears the field). */
    public void setNumber(Double number) {
        setValue(number == null ? "" : plain(locale()).format(number));
    }

    /** What is wrong with the text typed, naming the field, or null when it is a number in range (or empty and optional). */
    public String problem() {
        String text = getValue() == null ? "" : getValue().strip();
        if (text.isEmpty()) {
            return required ? getLabel() + " is required." : null;
        }
        var parsed = parse(text, locale());
        if (parsed.isEmpty()) {
            return getLabel() + ": '" + text + "' is not a number as written in " + locale().getDisplayLanguage(Locale.ENGLISH)
                    + "; write it like " + plain(locale()).format(1234.5) + ".";
        }
        double value = parsed.get();
        if ((min != null && value < min) || (max != null && value > max)) {
            return getLabel() + " must lie between " + plain(locale()).format(min) + " and " + plain(locale()).format(max)
                    + "; " + text + " was read as " + plain(locale()).format(value) + ".";
        }
        return null;
    }

    /** Parses the whole text by the locale's conventions; empty when it is not exactly one number. */
    public static java.util.Optional<Double> parse(String text, Locale locale) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String clean = text.strip().replace('\u2212', '-');
        if (clean.isEmpty()) {
            return java.util.Optional.empty();
        }
        DecimalFormat format = plain(locale);
        // The locale's own minus sign may differ from the one on the keyboard.
        DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
        symbols.setMinusSign('-');
        format.setDecimalFormatSymbols(symbols);
        ParsePosition position = new ParsePosition(0);
        Number number = format.parse(clean, position);
        if (number == null || position.getIndex() != clean.length() || !Double.isFinite(number.doubleValue())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(number.doubleValue());
    }

    /** The locale's format without grouping: a grouping separator is never taken for a decimal one. */
    private static DecimalFormat plain(Locale locale) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(12);
        return format;
    }

    private Locale locale() {
        Locale locale = fixedLocale != null ? fixedLocale : getLocale();
        return locale == null ? Locale.ENGLISH : locale;
    }

    private void explain() {
        String problem = problem();
        String text = getValue() == null ? "" : getValue().strip();
        if (problem != null) {
            setHelperText(null);
            setErrorMessage(problem);
            setInvalid(true);
        } else {
            setInvalid(false);
            setHelperText(text.isEmpty() ? null : "Understood as " + understood(parse(text, locale()).orElseThrow()));
        }
    }

    /** The value in the user's format with grouping, plus the percentage for a rate. */
    String understood(double value) {
        NumberFormat grouped = NumberFormat.getNumberInstance(locale());
        grouped.setMaximumFractionDigits(12);
        String shown = grouped.format(value);
        if (min != null && max != null && min == 0 && max == 1) {
            NumberFormat percent = NumberFormat.getPercentInstance(locale());
            percent.setMaximumFractionDigits(4);
            shown += " (" + percent.format(value) + ")";
        }
        return shown;
    }
}
