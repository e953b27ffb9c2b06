package io.flowpol.cli;

import io.flowpol.cli.options.AwsNetworkOptions;
import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.DurationConverter;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.LearningInputOptions;
import io.flowpol.cli.options.PolicyOptions;
import io.flowpol.cli.options.VerboseOption;
import io.flowpol.cli.options.WindowOptions;
import io.flowpol.cli.propose.Forge;
import io.flowpol.cli.propose.GitHubClient;
import io.flowpol.cli.propose.GitLabClient;
import io.flowpol.cli.propose.ProposalRequest;
import io.flowpol.cli.propose.ProposalResult;
import io.flowpol.cli.propose.Proposer;
import io.flowpol.cli.propose.ScratchDirectories;
import io.flowpol.cli.propose.TokenSource;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.ingest.state.StateLock;
import io.flowpol.ingest.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowpol propose}: learn, then open or update a pull request with the policies in a GitOps repository. */
@Command(name = "propose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Learn policies and open (or update) a pull request (GitHub) or merge request (GitLab) with them in a GitOps repository.",
            "",
            "Runs generate, then builds one commit on the current tip of --base that replaces the contents of --path (keeping files annotated flowpol.io/managed: \"false\", which stay listed in kustomization.yaml), force-pushes it to --branch (with a lease) and opens a pull request whose description holds the summary, the dry-run diff of --base against the proposal (broken observed flows first), what changed since the last update, the coverage warnings and the evidence. A later run rebuilds the proposal on the base as it is then and updates the same pull request; a run with nothing new does nothing. With --state the window is merged into the policies learned before, as 'learn' does, and the state is saved once the proposal is published: the daily loop. The token is read from GITHUB_TOKEN or GITLAB_TOKEN (or --github-token-file, --gitlab-token-file), sent over HTTPS only and never printed."})
public final class ProposeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--git-repo", paramLabel = "URL|PATH", required = true,
            description = "The GitOps repository: an HTTPS URL (pushed with GITHUB_TOKEN or GITLAB_TOKEN) or a local path.")
    String repository;

    @Option(names = "--base", paramLabel = "BRANCH", defaultValue = "main", description = "Branch the pull request targets. Default: ${DEFAULT-VALUE}.")
    String base;

    @Option(names = "--branch", paramLabel = "BRANCH", defaultValue = "flowpol/proposal",
            description = "Branch flowpol owns and updates. Default: ${DEFAULT-VALUE}.")
    String branch;

    @Option(names = "--path", paramLabel = "DIR", defaultValue = "policies",
            description = "Directory in the repository that holds the policies. Default: ${DEFAULT-VALUE}.")
    String path;

    @Option(names = "--github-repo", paramLabel = "OWNER/NAME",
            description = "Open the pull request in this GitHub repository. Without it the branch is only pushed.")
    String githubRepo;

    @Option(names = "--github-api", paramLabel = "URL", defaultValue = "https://api.github.com",
            description = "GitHub API base (GitHub Enterprise: https://HOST/api/v3). Default: ${DEFAULT-VALUE}.")
    URI githubApi;

    @Option(names = "--gitlab-project", paramLabel = "GROUP/PROJECT|ID",
            description = "Open the merge request in this GitLab project (its full path or numeric id). Not with --github-repo. Default: no merge request.")
    String gitlabProject;

    @Option(names = "--gitlab-api", paramLabel = "URL", defaultValue = "https://gitlab.com/api/v4",
            description = "GitLab API base (self-managed: https://HOST/api/v4). Default: ${DEFAULT-VALUE}.")
    URI gitlabApi;

    @Option(names = "--gitlab-token-file", paramLabel = "FILE",
            description = "Read the GitLab token (scope 'api', role Developer or more) from FILE. Default: the GITLAB_TOKEN variable.")
    Path gitlabTokenFile;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Merge the window into the policies learned before, as 'learn --state' does (same directory, "
                    + "same lock), and save the state once the proposal is published. Default: learn the window alone.")
    Path stateDir;

    @Option(names = "--forget-after", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30d",
            description = "With --state: drop edges last seen longer than this before the newest observation. Default: ${DEFAULT-VALUE}.")
    Duration forgetAfter;

    @Option(names = "--label", paramLabel = "LABEL", split = ",", description = "Labels for a new pull or merge request. Default: none.")
    List<String> labels;

    @Option(names = "--reviewer", paramLabel = "USER", split = ",", description = "Reviewers (usernames) requested on a new pull or merge request. Default: none.")
    List<String> reviewers;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "flowpol: proposed network policies",
            description = "Pull or merge request title. Default: ${DEFAULT-VALUE}.")
    String title;

    @Option(names = "--github-token-file", paramLabel = "FILE",
            description = "Read the GitHub token from FILE (e.g. a mounted Secret) instead of GITHUB_TOKEN.")
    Path tokenFile;

    @Option(names = "--dry-run", description = "Commit locally and print the commit and the pull request body; push nothing.")
    boolean dryRun;

    /** The six learning-input groups, in one mixin; the fields below name its parts for the code. */
    @Mixin
    LearningInputOptions input = new LearningInputOptions();
    final FlowLogInputOptions flowLogs = input.flowLogs;
    final AwsOptions aws = input.aws;
    final AwsNetworkOptions awsNetwork = input.awsNetwork;
    final ClusterInputOptions cluster = input.cluster;
    final WindowOptions window = input.window;
    final InferenceTuningOptions tuning = input.tuning;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() throws IOException, GitAPIException {
        validateForge(); // usage errors (exit 2) before anything is looked at
        policy.validate();
        checkRepository(repository);
        TokenSource source = gitlabProject != null ? TokenSource.GITLAB : TokenSource.GITHUB;
        String token = token(source);
        if ((githubRepo != null || gitlabProject != null) && !dryRun && (token == null || token.isBlank())) {
            throw new InputException(InputProblem.error(null, 0, source.variable(),
                    "a " + source.forge() + " token in the environment (or " + source.fileFlag() + ") to open the "
                            + (gitlabProject != null ? "merge" : "pull") + " request", "none"));
        }
        if (stateDir == null) {
            return propose(token, source, null);
        }
        if (Files.exists(stateDir) && !Files.isDirectory(stateDir)) {
            throw new InputException(InputProblem.error(stateDir.toString(), 0, "--state", "a directory", "a file"));
        }
        // the whole run, as for learn: a learn or propose meanwhile on the same state would lose a window
        try (StateLock lock = StateLock.acquire(stateDir, Instant.now())) {
            if (lock.stale() != null) {
                spec.commandLine().getErr().printf("flowpol: warning: %s: the run before (%s) ended without releasing "
                        + "the state (killed?); the state holds what was saved before it%n", stateDir.resolve(StateLock.FILE),
                        lock.stale());
            }
            return propose(token, source, new StateStore(stateDir));
        }
    }

    private int propose(String token, TokenSource source, StateStore store) throws IOException, GitAPIException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var prior = store == null ? null : store.load(); // a corrupt state fails before a window is read
        AwsNetwork.Source network = AwsNetwork.prepare(awsNetwork, aws);
        RendererPreparation renderer = RendererPreparation.start(policy.templates);
        tuning.summariseAbove = policy.summariseAbove();
        LearningPipeline.Learned learned = LearningPipeline.run(spec.commandLine(), flowLogs, aws, cluster, window, tuning,
                network);
        EmptyWindow.check(learned, policy.allowEmpty); // an empty policy set is never pushed by accident
        StateUpdate update = prior == null ? null : StateUpdate.of(prior, learned, window, forgetAfter);
        LearningPipeline.Learned all = update == null ? learned : update.learned();
        Path work = Files.createTempDirectory("flowpol-proposal-");
        try {
            Path generated = work.resolve("policies");
            // generate's summary would name this temporary directory: only its warnings are shown (stderr);
            // stdout carries the outcome, and the body on --dry-run
            PolicyRun.run(policy, renderer, all, AwsNetwork.check(learned.inventory(), all.result(), err), tuning.vpcCidrs,
                    generated,
                    new PrintWriter(java.io.Writer.nullWriter()), err);
            Forge forge = dryRun ? null : gitlabProject != null ? new GitLabClient(gitlabApi, gitlabProject, token)
                    : githubRepo != null ? new GitHubClient(githubApi, githubRepo, token) : null;
            // GitHub takes any user name with a token over HTTPS; GitLab documents "oauth2" for its tokens
            String user = gitlabProject != null ? "oauth2" : "x-access-token";
            var credentials = token == null || !repository.startsWith("https://") ? null
                    : new UsernamePasswordCredentialsProvider(user, token);
            ProposalResult result = new Proposer(forge, credentials, source).propose(new ProposalRequest(repository, base,
                    branch, path, generated, "flowpol: update learned network policies", title,
                    (basePolicies, proposed) -> ProposalBody.render(all, basePolicies, proposed), labels, reviewers, "flowpol",
                    "flowpol@users.noreply.github.com", dryRun));
            report(out, result, gitlabProject != null ? "merge request" : "pull request");
            if (update != null && !dryRun) {
                // saved last: a failed proposal leaves the state as it was, and the rerun learns the window again
                store.save(update.state());
                update.print(out, err, store.file());
            }
        } finally {
            ScratchDirectories.delete(work);
        }
        return ExitCodes.OK;
    }

    /**
     * One forge at a time, and a token only over HTTPS (issue 15 item 5): an {@code http://} API
     * is accepted only on the loopback interface (a local proxy or test server).
     */
    private void validateForge() {
        if (githubRepo != null && gitlabProject != null) {
            throw new ParameterException(spec.commandLine(), "--github-repo and --gitlab-project: give one of them");
        }
        if (gitlabProject != null && tokenFile != null) {
            throw new ParameterException(spec.commandLine(), "--github-token-file with --gitlab-project: use --gitlab-token-file");
        }
        if (githubRepo != null && gitlabTokenFile != null) {
            throw new ParameterException(spec.commandLine(), "--gitlab-token-file with --github-repo: use --github-token-file");
        }
        if (githubRepo != null && !githubRepo.matches("[^/\\s]+/[^/\\s]+")) {
            throw new ParameterException(spec.commandLine(), "--github-repo: expected OWNER/NAME, found '" + githubRepo + "'");
        }
        if (gitlabProject != null && (gitlabProject.isBlank() || gitlabProject.startsWith("/") || gitlabProject.endsWith("/")
                || gitlabProject.contains("//") || gitlabProject.contains("://"))) {
            throw new ParameterException(spec.commandLine(), "--gitlab-project: expected GROUP/PROJECT or a numeric id, found '"
                    + gitlabProject + "'");
        }
        URI api = gitlabProject != null ? gitlabApi : githubRepo != null ? githubApi : null;
        String flag = gitlabProject != null ? "--gitlab-api" : "--github-api";
        if (api != null && !"https".equals(api.getScheme()) && !("http".equals(api.getScheme()) && loopback(api.getHost()))) {
            throw new ParameterException(spec.commandLine(), flag + ": expected an https:// URL (the token is only sent over "
                    + "HTTPS), found '" + api + "'");
        }
        if (forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new InputException(InputProblem.error(null, 0, "--forget-after", "a positive duration",
                    DurationConverter.shown(forgetAfter)));
        }
    }

    private static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    }

    /**
     * Refuses, before a window is learned, a repository that cannot work: an SSH remote (the push
     * authenticates with the token over HTTPS only) or a local path that is no git repository.
     */
    static void checkRepository(String repository) {
        if (repository.startsWith("https://") || repository.startsWith("http://") || repository.startsWith("file://")) {
            return;
        }
        if (repository.startsWith("ssh://") || repository.startsWith("git://") || repository.matches("[\\w.-]+@[^/:]+:.*")) {
            throw new InputException(InputProblem.error(null, 0, "--git-repo",
                    "an HTTPS URL or a local path (SSH remotes are not supported)", repository));
        }
        Path local = Path.of(repository);
        if (!Files.isDirectory(local)) {
            throw new InputException(InputProblem.error(repository, 0, "--git-repo",
                    "a git repository (an HTTPS URL or a local path)", "no such directory"));
        }
        if (!Files.exists(local.resolve(".git")) && !Files.isRegularFile(local.resolve("HEAD"))) {
            throw new InputException(InputProblem.error(repository, 0, "--git-repo",
                    "a git repository (an HTTPS URL or a local path)", "a directory that is not a git repository"));
        }
    }

    private String token(TokenSource source) throws IOException {
        Path file = source == TokenSource.GITLAB ? gitlabTokenFile : tokenFile;
        if (file == null) {
            return System.getenv(source.variable());
        }
        if (!Files.isReadable(file)) {
            throw new InputException(InputProblem.error(file.toString(), 0, source.fileFlag(),
                    "a readable file holding the token", "no such file"));
        }
        return Files.readString(file).trim();
    }

    private void report(PrintWriter out, ProposalResult result, String noun) {
        switch (result.outcome()) {
            case NO_CHANGE -> out.println("flowpol: the policies on " + branch + " (or " + base
                    + ") are up to date: nothing committed, no " + noun);
            case DRY_RUN -> {
                out.println("flowpol: dry run: committed " + result.commit() + " on " + branch + " locally; nothing pushed");
                out.println();
                out.println(result.body());
            }
            case PUSHED_WITHOUT_PULL_REQUEST -> out.println("flowpol: pushed " + result.commit() + " to " + branch
                    + " (no --github-repo or --gitlab-project: no pull request)");
            case CREATED -> out.println("flowpol: opened " + noun + " " + (noun.startsWith("merge") ? "!" : "#")
                    + result.pullRequest().number() + " " + result.pullRequest().url());
            case UPDATED -> out.println("flowpol: updated " + noun + " " + (noun.startsWith("merge") ? "!" : "#")
                    + result.pullRequest().number() + " " + result.pullRequest().url());
        }
        if (!result.overwrittenEdits().isEmpty()) {
            out.println("flowpol: overwrote hand edits on " + base + " to managed files (the description lists them): "
                    + result.overwrittenEdits());
        }
        if (!result.keptFiles().isEmpty()) {
            out.println("flowpol: kept files a human marked flowpol.io/managed: \"false\": " + result.keptFiles());
        }
        out.flush();
    }
}
