/**
 * The PR bot's adapters: a GitOps repository driven with JGit and the GitHub REST API driven
 * with the JDK HTTP client. Nothing here knows how policies are learned; it publishes a
 * directory that {@code generate} wrote.
 */
package io.flowpol.cli.propose;
