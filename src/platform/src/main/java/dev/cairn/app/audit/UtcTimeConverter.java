package dev.cairn.app.audit;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A time-range bound typed as text in UTC: a day ("2025-01-31") or a minute ("2025-01-31 14:00").
 * A day alone means its start for the start of a range and its end for the end, so "from 2025-01-31
 * to 2025-01-31" is that whole day. Typed rather than picked: the committed frontend bundle loads no
 * date picker on this page.
 */
final class UtcTimeConverter implements Converter<String, Instant> {

    static final String HINT = "e.g. 2025-01-31 or 2025-01-31 14:00";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final boolean endOfRange;

    private UtcTimeConverter(boolean endOfRange) {
        this.endOfRange = endOfRange;
    }

    static UtcTimeConverter start() {
        return new UtcTimeConverter(false);
    }

    static UtcTimeConverter end() {
        return new UtcTimeConverter(true);
    }

    @Override
    public Result<Instant> convertToModel(String text, ValueContext context) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Result.ok(null);
        }
        try {
            if (value.length() <= 10) {
                LocalDate day = LocalDate.parse(value);
                return Result.ok((endOfRange ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return Result.ok(LocalDateTime.parse(value.replace('T', ' '), MINUTE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notATime) {
            return Result.error("'" + value + "' is not a UTC date or time (" + HINT + ")");
        }
    }

    @Override
    public String convertToPresentation(Instant time, ValueContext context) {
        return time == null ? "" : MINUTE.format(time.atOffset(ZoneOffset.UTC));
    }
}
