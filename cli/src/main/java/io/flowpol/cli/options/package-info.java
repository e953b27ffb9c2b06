/**
 * Option groups shared by several commands as picocli mixins ({@code <Topic>Options}), and the
 * {@link io.flowpol.cli.options.DurationConverter} they use. A group declares its options with a
 * description and default each and may check its own values ({@code validate()}, throwing
 * {@code InputException} naming the option); checks across groups live in the commands and
 * {@code FlowLogSelection}. Nothing here reads input.
 */
package io.flowpol.cli.options;
