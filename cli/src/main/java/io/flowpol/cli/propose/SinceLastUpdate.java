package io.flowpol.cli.propose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The short "since the last update" section of an updated pull request (issue 15 item 2): the
 * files under the policy path that differ from the previous proposal. The rest of the body
 * always compares the base with this proposal; this section alone looks at yesterday's.
 */
final class SinceLastUpdate {
    static final String HEADING = "## Since the last update";
    private static final int MAX_LISTED = 50;

    private SinceLastUpdate() {
    }

    /**
     * The section, or "" when there is no previous proposal still open on the branch (new
     * branch, or its tip already merged into the base).
     */
    static String section(Repository repo, String path, RevCommit previous, RevCommit base, RevCommit proposal)
            throws IOException {
        if (previous == null) {
            return "";
        }
        try (RevWalk walk = new RevWalk(repo)) {
            if (walk.isMergedInto(walk.parseCommit(previous), walk.parseCommit(base))) {
                return "";
            }
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(previous.getTree());
            tw.addTree(proposal.getTree());
            tw.setRecursive(true);
            tw.setFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
            while (tw.next()) {
                if (tw.getFileMode(0) == FileMode.MISSING) {
                    added.add(tw.getPathString());
                } else if (tw.getFileMode(1) == FileMode.MISSING) {
                    removed.add(tw.getPathString());
                } else {
                    changed.add(tw.getPathString());
                }
            }
        }
        StringBuilder s = new StringBuilder("\n").append(HEADING).append("\n\n");
        String base7 = previous.getId().abbreviate(7).name();
        if (added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
            return s.append("The policy files are the same as in the previous version (").append(base7)
                    .append("); the proposal was rebuilt on the current base branch.\n").toString();
        }
        s.append("Compared with the previous version (").append(base7).append("): ").append(added.size())
                .append(" files added, ").append(changed.size()).append(" changed, ").append(removed.size())
                .append(" removed.\n\n");
        int listed = 0;
        for (List<String> kind : List.of(added, changed, removed)) {
            String word = kind == added ? "added" : kind == changed ? "changed" : "removed";
            for (String file : kind) {
                if (listed++ == MAX_LISTED) {
                    s.append("- ").append(added.size() + changed.size() + removed.size() - MAX_LISTED).append(" more\n");
                    return s.toString();
                }
                s.append("- ").append(word).append(" `").append(file).append("`\n");
            }
        }
        return s.toString();
    }
}
