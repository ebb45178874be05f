package dev.cairn.plugin.data;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the data stage adds to the demo projects ({@code cairn.data.demo.*}, demo profile only).
 *
 * @param versions whether each demo project's dataset gets its two synthetic versions (the test kit
 *                 turns it off: tests build their own data)
 * @param rows     rows per synthetic version
 */
@ConfigurationProperties("cairn.data.demo")
public record DataDemoProperties(@DefaultValue("true") boolean versions, @DefaultValue("2000") int rows) {
}
