package io.flowpol.cli.propose;

import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.templates.render.OutputTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * A fresh clone of the GitOps repository in a temporary directory (the user's own checkout is
 * never touched), on the proposal branch: the existing remote branch when there is one (so a
 * reviewer's history is kept and nothing is force-pushed), else a new branch from {@code base}.
 */
final class PolicyRepository implements AutoCloseable {
    private final Git git;
    private final Path dir;
    private final CredentialsProvider credentials;
    private final String branch;
    private final ObjectId remoteBefore;

    private PolicyRepository(Git git, Path dir, CredentialsProvider credentials, String branch, ObjectId remoteBefore) {
        this.git = git;
        this.dir = dir;
        this.credentials = credentials;
        this.branch = branch;
        this.remoteBefore = remoteBefore;
    }

    static PolicyRepository checkout(String urlOrPath, String base, String branch, CredentialsProvider credentials)
            throws IOException, GitAPIException {
        Path dir = Files.createTempDirectory("flowpol-propose-");
        try {
            return checkout(dir, urlOrPath, base, branch, credentials);
        } catch (IOException | GitAPIException | RuntimeException e) {
            ScratchDirectories.delete(dir); // a failed clone leaves no temporary copy behind
            throw e;
        }
    }

    private static PolicyRepository checkout(Path dir, String urlOrPath, String base, String branch,
                                             CredentialsProvider credentials) throws IOException, GitAPIException {
        String uri = isUrl(urlOrPath) ? urlOrPath : Path.of(urlOrPath).toAbsolutePath().toUri().toString();
        Git git = Git.cloneRepository().setURI(uri).setDirectory(dir.toFile()).setCredentialsProvider(credentials)
                .setNoCheckout(true).call();
        Ref remoteBranch = git.getRepository().findRef("refs/remotes/origin/" + branch);
        Ref remoteBase = git.getRepository().findRef("refs/remotes/origin/" + base);
        if (remoteBase == null) {
            git.close();
            throw new InputException(InputProblem.error(urlOrPath, 0, "--base", "a branch of the repository",
                    "no branch " + base));
        }
        String start = remoteBranch != null ? "origin/" + branch : "origin/" + base;
        git.checkout().setCreateBranch(true).setName(branch).setStartPoint(start).call();
        return new PolicyRepository(git, dir, credentials, branch, remoteBranch == null ? null : remoteBranch.getObjectId());
    }

    private static boolean isUrl(String s) {
        return s.contains("://") || s.matches("^[\\w.-]+@[\\w.-]+:.*");
    }

    /** The policy directory in the checkout, as the branch has it (before {@link #replace}). */
    Path policyDir(String path) {
        return dir.resolve(path).normalize();
    }

    /**
     * Replaces the contents of {@code path} with {@code generated}, keeping files a human
     * annotated as unmanaged. Returns the repository-relative paths kept.
     */
    List<String> replace(String path, Path generated) throws IOException {
        Path target = dir.resolve(path).normalize();
        if (!target.startsWith(dir)) {
            throw new IllegalArgumentException("--path " + path + " leaves the repository");
        }
        List<String> kept = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.walk(target)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (ManagedFiles.keptByHuman(f)) {
                        kept.add(dir.relativize(f).toString());
                    } else {
                        Files.delete(f);
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(generated)) {
            // the manifest marks a local --out as flowpol's; in git, history does that job
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(OutputTarget.MANIFEST)).sorted().toList()) {
                Path to = target.resolve(generated.relativize(f).toString());
                if (kept.contains(dir.relativize(to).toString())) {
                    continue;
                }
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        return kept;
    }

    /** Commits everything under {@code path}; null when nothing changed. */
    ObjectId commit(String path, String message, PersonIdent author) throws GitAPIException {
        git.add().addFilepattern(path).call();
        git.add().addFilepattern(path).setUpdate(true).call();
        if (git.status().addPath(path).call().getUncommittedChanges().isEmpty()) {
            return null;
        }
        return git.commit().setMessage(message).setAuthor(author).setCommitter(author).call().getId();
    }

    /** Pushes the branch without force; fails on anything but an accepted update. */
    void push() throws GitAPIException {
        check(git.push().setCredentialsProvider(credentials).setRemote("origin")
                .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call());
    }

    /** Puts the remote branch back where it was before {@link #push()} (deleted when it was new). */
    void rollback() throws GitAPIException {
        RefSpec spec = remoteBefore == null ? new RefSpec(":refs/heads/" + branch)
                : new RefSpec("+" + remoteBefore.name() + ":refs/heads/" + branch);
        check(git.push().setCredentialsProvider(credentials).setRemote("origin").setRefSpecs(spec).setForce(true).call());
    }


    private static void check(Iterable<PushResult> results) {
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                RemoteRefUpdate.Status s = update.getStatus();
                if (s != RemoteRefUpdate.Status.OK && s != RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw new IllegalStateException("git push of " + update.getRemoteName() + " was refused: " + s
                            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                }
            }
        }
    }

    @Override
    public void close() {
        git.close();
        ScratchDirectories.delete(dir);
    }

}
