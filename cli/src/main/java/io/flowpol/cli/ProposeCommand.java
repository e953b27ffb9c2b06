package io.flowpol.cli;

import io.flowpol.cli.options.AwsNetworkOptions;
import io.flowpol.cli.options.AwsOptions;
import io.flowpol.cli.options.ClusterInputOptions;
import io.flowpol.cli.options.FlowLogInputOptions;
import io.flowpol.cli.options.InferenceTuningOptions;
import io.flowpol.cli.options.PolicyOptions;
import io.flowpol.cli.options.VerboseOption;
import io.flowpol.cli.options.WindowOptions;
import io.flowpol.cli.propose.GitHubClient;
import io.flowpol.cli.propose.ProposalRequest;
import io.flowpol.cli.propose.ProposalResult;
import io.flowpol.cli.propose.Proposer;
import io.flowpol.cli.propose.ScratchDirectories;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.NetworkInventory;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowpol propose}: learn, then open or update a pull request with the policies in a GitOps repository. */
@Command(name = "propose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Learn policies and open (or update) a pull request with them in a GitOps repository.",
            "",
            "Runs generate, then builds one commit on the current tip of --base that replaces the contents of --path (keeping files annotated flowpol.io/managed: \"false\", which stay listed in kustomization.yaml), force-pushes it to --branch (with a lease) and opens a pull request whose description holds the summary, the dry-run diff of --base against the proposal (broken observed flows first), what changed since the last update, the coverage warnings and the evidence. A later run rebuilds the proposal on the base as it is then and updates the same pull request; a run with nothing new does nothing. The GitHub token is read from GITHUB_TOKEN (or --github-token-file), sent over HTTPS only and never printed."})
public final class ProposeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--git-repo", paramLabel = "URL|PATH", required = true,
            description = "The GitOps repository: an HTTPS URL (pushed with GITHUB_TOKEN) or a local path.")
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

    @Option(names = "--label", paramLabel = "LABEL", split = ",", description = "Labels for a new pull request. Default: none.")
    List<String> labels;

    @Option(names = "--reviewer", paramLabel = "USER", split = ",", description = "Reviewers requested on a new pull request. Default: none.")
    List<String> reviewers;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "flowpol: proposed network policies",
            description = "Pull request title. Default: ${DEFAULT-VALUE}.")
    String title;

    @Option(names = "--github-token-file", paramLabel = "FILE",
            description = "Read the GitHub token from FILE (e.g. a mounted Secret) instead of GITHUB_TOKEN.")
    Path tokenFile;

    @Option(names = "--dry-run", description = "Commit locally and print the commit and the pull request body; push nothing.")
    boolean dryRun;

    @Mixin
    FlowLogInputOptions flowLogs = new FlowLogInputOptions();

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Mixin
    AwsNetworkOptions awsNetwork = new AwsNetworkOptions();

    @Mixin
    ClusterInputOptions cluster = new ClusterInputOptions();

    @Mixin
    WindowOptions window = new WindowOptions();

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Mixin
    InferenceTuningOptions tuning = new InferenceTuningOptions();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Override
    public Integer call() throws IOException, GitAPIException {
        policy.validate();
        checkRepository(repository);
        String token = token();
        if (githubRepo != null && !dryRun && (token == null || token.isBlank())) {
            throw new InputException(InputProblem.error(null, 0, "GITHUB_TOKEN",
                    "a GitHub token in the environment to open the pull request", "none"));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NetworkInventory inventory = AwsNetwork.read(awsNetwork);
        RendererPreparation renderer = RendererPreparation.start(policy.templates);
        tuning.summariseAbove = policy.summariseAbove();
        LearningPipeline.Learned learned = LearningPipeline.run(spec.commandLine(), flowLogs, aws, cluster, window, tuning);
        EmptyWindow.check(learned, policy.allowEmpty); // an empty policy set is never pushed by accident
        Path work = Files.createTempDirectory("flowpol-proposal-");
        try {
            Path generated = work.resolve("policies");
            // generate's summary would name this temporary directory: only its warnings are shown (stderr);
            // stdout carries the outcome, and the body on --dry-run
            PolicyRun.run(policy, renderer, learned, AwsNetwork.check(inventory, learned.result(), err), tuning.vpcCidrs,
                    generated,
                    new PrintWriter(java.io.Writer.nullWriter()), err);
            GitHubClient github = githubRepo == null || dryRun ? null : new GitHubClient(githubApi, githubRepo, token);
            var credentials = token == null || !repository.startsWith("https://") ? null
                    : new UsernamePasswordCredentialsProvider("x-access-token", token);
            ProposalResult result = new Proposer(github, credentials).propose(new ProposalRequest(repository, base, branch,
                    path, generated, "flowpol: update learned network policies", title,
                    (basePolicies, proposed) -> ProposalBody.render(learned, basePolicies, proposed), labels, reviewers, "flowpol",
                    "flowpol@users.noreply.github.com", dryRun));
            report(out, result);
        } finally {
            ScratchDirectories.delete(work);
        }
        return ExitCodes.OK;
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

    private String token() throws IOException {
        if (tokenFile == null) {
            return System.getenv("GITHUB_TOKEN");
        }
        if (!Files.isReadable(tokenFile)) {
            throw new InputException(InputProblem.error(tokenFile.toString(), 0, "--github-token-file",
                    "a readable file holding the token", "no such file"));
        }
        return Files.readString(tokenFile).trim();
    }

    private void report(PrintWriter out, ProposalResult result) {
        switch (result.outcome()) {
            case NO_CHANGE -> out.println("flowpol: the policies on " + branch + " (or " + base
                    + ") are up to date: nothing committed, no pull request");
            case DRY_RUN -> {
                out.println("flowpol: dry run: committed " + result.commit() + " on " + branch + " locally; nothing pushed");
                out.println();
                out.println(result.body());
            }
            case PUSHED_WITHOUT_PULL_REQUEST -> out.println("flowpol: pushed " + result.commit() + " to " + branch
                    + " (no --github-repo: no pull request)");
            case CREATED -> out.println("flowpol: opened pull request #" + result.pullRequest().number() + " "
                    + result.pullRequest().url());
            case UPDATED -> out.println("flowpol: updated pull request #" + result.pullRequest().number() + " "
                    + result.pullRequest().url());
        }
        if (!result.keptFiles().isEmpty()) {
            out.println("flowpol: kept files a human marked flowpol.io/managed: \"false\": " + result.keptFiles());
        }
        out.flush();
    }
}
