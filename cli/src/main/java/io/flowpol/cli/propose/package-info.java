/**
 * The PR bot's adapters: a GitOps repository driven with JGit, and the forge that reviews the
 * proposal behind one small {@link io.flowpol.cli.propose.Forge} interface (the GitHub REST API
 * for pull requests, the GitLab REST API v4 for merge requests), both over the JDK HTTP client.
 * {@link io.flowpol.cli.propose.Proposer} owns the flow shared by both (issue 15). Nothing here
 * knows how policies are learned; it publishes a directory that {@code generate} wrote.
 */
package io.flowpol.cli.propose;
