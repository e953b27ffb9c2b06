package io.flowpol.inference.evaluate.calico;

/**
 * The labels a selector is evaluated against, as a lookup: the value of {@code key}, or null
 * when the label is absent (an empty value is present). Lets the matcher expose an endpoint's
 * own labels and Calico's implicit ones without copying them into a new map per connection.
 */
@FunctionalInterface
interface SelectorLabels {
    String get(String key);
}
