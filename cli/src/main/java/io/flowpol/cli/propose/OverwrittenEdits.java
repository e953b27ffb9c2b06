package io.flowpol.cli.propose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Managed files someone edited by hand on the base, which this proposal overwrites (issue 15 item
 * 6, day 3): the description says so, and how to keep such an edit. A base file counts as a hand
 * edit when the proposal replaces it and it is neither flowpol's previous proposal (merged, by a
 * merge commit or a squash) nor what the base held when that proposal was made (then it was
 * judged then, and stays reported for as long as the previous proposal's commit message listed
 * it). The list travels from day to day in the commit message's {@value #TRAILER} lines, since
 * the base alone cannot tell a squash of flowpol's files from a human's commit.
 */
final class OverwrittenEdits {
    static final String TRAILER = "Overwrites-edit: ";
    static final String HEADING = "## Hand edits this proposal overwrites";

    /** A managed file edited on the base, and the base commit that last changed it. */
    record Edit(String path, String commit, String author) {
    }

    private OverwrittenEdits() {
    }

    /** Empty when there is no previous proposal: nothing flowpol wrote to tell a hand edit from. */
    static List<Edit> find(Repository repo, String path, RevCommit base, RevCommit previous, RevCommit proposal)
            throws IOException, GitAPIException {
        if (previous == null) {
            return List.of();
        }
        Set<String> carried = listed(previous.getFullMessage());
        List<String> paths = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevCommit before = walk.parseCommit(previous);
            RevCommit previousBase = before.getParentCount() == 1 ? walk.parseCommit(before.getParent(0)) : null;
            tw.addTree(base.getTree());
            tw.addTree(proposal.getTree());
            tw.addTree(before.getTree());
            if (previousBase != null) {
                tw.addTree(previousBase.getTree());
            }
            tw.setRecursive(true);
            tw.setFilter(PathFilter.create(path));
            while (tw.next()) {
                ObjectId onBase = tw.getObjectId(0);
                if (tw.getFileMode(0) == FileMode.MISSING || onBase.equals(tw.getObjectId(1))
                        || onBase.equals(tw.getObjectId(2))) {
                    continue; // not overwritten, or the base holds flowpol's previous proposal
                }
                boolean seenBefore = previousBase != null && tw.getFileMode(3) != FileMode.MISSING
                        && onBase.equals(tw.getObjectId(3));
                if (!seenBefore || carried.contains(tw.getPathString())) {
                    paths.add(tw.getPathString());
                }
            }
        }
        List<Edit> edits = new ArrayList<>();
        Git git = new Git(repo);
        for (String p : paths) {
            RevCommit last = git.log().add(base).addPath(p).setMaxCount(1).call().iterator().next();
            edits.add(new Edit(p, last.getId().abbreviate(7).name(), last.getAuthorIdent().getName()));
        }
        return edits;
    }

    /** The commit message with one {@value #TRAILER} line per edit, after a blank line. */
    static String message(String message, List<Edit> edits) {
        if (edits.isEmpty()) {
            return message;
        }
        StringBuilder s = new StringBuilder(message).append("\n\n");
        edits.forEach(e -> s.append(TRAILER).append(e.path()).append('\n'));
        return s.toString();
    }

    /** The description's section, "" when nothing is overwritten. */
    static String section(List<Edit> edits, String baseBranch) {
        if (edits.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("\n").append(HEADING).append("\n\n").append(edits.size())
                .append(edits.size() == 1 ? " managed file was" : " managed files were").append(" edited by hand on ")
                .append(baseBranch).append("; this proposal replaces the edits with the learned policies. To keep a ")
                .append("hand-written policy, annotate it `flowpol.io/managed: \"false\"`: flowpol then never changes it.\n\n");
        edits.forEach(e -> s.append("- `").append(e.path()).append("`: last changed in ").append(e.commit()).append(" by ")
                .append(e.author()).append('\n'));
        return s.toString();
    }

    private static Set<String> listed(String message) {
        Set<String> paths = new LinkedHashSet<>();
        message.lines().filter(l -> l.startsWith(TRAILER)).forEach(l -> paths.add(l.substring(TRAILER.length()).trim()));
        return paths;
    }
}
