package io.flowpol.samples;

import static io.flowpol.samples.ScenarioCatalog.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays the catalogue's workloads out on five nodes and plays the window's churn: a rolling
 * update of {@code cart} at half-time, two CronJob runs, and IP allocation over all of it.
 *
 * <p>Placement is by role over a seed-shuffled list of the four Linux nodes, so addresses
 * and node names change with the seed while the properties tests rely on hold for every
 * seed: checkout and payment on different nodes, the report job always beside postgres (an
 * edge flow logs can never see, fact 4), and an old cart pod on that same node so its IP is
 * reused by the second report pod (fact 6).
 */
final class ClusterPlanner {
    static final int SUBNET_A = Ids.ip(10, 0, 1, 0);
    static final int SUBNET_B = Ids.ip(10, 0, 2, 0);
    static final List<Integer> API_SERVER_IPS = List.of(Ids.ip(10, 0, 1, 200), Ids.ip(10, 0, 2, 200));
    static final List<Integer> LOAD_BALANCER_IPS = List.of(Ids.ip(10, 0, 1, 50), Ids.ip(10, 0, 2, 50));
    static final String REGION = "eu-west-1";

    private final ScenarioOptions options;
    private final Ids ids;
    /** Draws of the multi-ENI and synthetic-workload shapes only: the demo's draws stay as they were. */
    private final Ids shape;
    private final Instant longAgo;
    private final List<OwnerPlan> owners = new ArrayList<>();
    private final List<PodPlan> pods = new ArrayList<>();
    private final Map<String, String> workloadUids = new HashMap<>();

    ClusterPlanner(ScenarioOptions options) {
        this.options = options;
        this.ids = new Ids(options.seed(), 1);
        this.shape = new Ids(options.seed(), 6);
        this.longAgo = options.start().minus(Duration.ofDays(3));
    }

    ClusterPlan plan() {
        String account = ids.account();
        String vpcId = ids.aws("vpc");
        String subnetA = ids.aws("subnet");
        String subnetB = ids.aws("subnet");
        List<Integer> reserved = new ArrayList<>(API_SERVER_IPS);
        reserved.addAll(LOAD_BALANCER_IPS);
        IpAllocator allocator = new IpAllocator(new Ids(options.seed(), 2).random(), reserved);
        List<NodePlan> linux = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean a = i < 2;
            linux.add(node(allocator, allocator.fresh(a ? SUBNET_A : SUBNET_B), a ? "a" : "b", a ? subnetA : subnetB,
                    false));
        }
        // Fact 13: Windows nodes use secondary IPs of their primary ENI only.
        NodePlan windows = node(allocator, allocator.fresh(SUBNET_B), "b", subnetB, true);
        List<NodePlan> nodes = new ArrayList<>(linux);
        nodes.add(windows);
        List<WorkloadPlan> synthetic = SyntheticWorkloads.workloads(options.extraWorkloads(), shape.random());
        List<NodePlan> extraNodes = extraNodes(allocator, synthetic);
        linux.addAll(extraNodes);
        nodes.addAll(extraNodes);
        List<WorkloadPlan> workloads = new ArrayList<>(ScenarioCatalog.workloads());
        workloads.addAll(synthetic);
        workloads.forEach(w -> workloadUids.put(w.key(), ids.uid()));
        Collections.shuffle(linux, new java.util.Random(options.seed()));
        place(linux, windows);
        placeSynthetic(synthetic, linux);
        reschedule(linux);
        List<PodPlan> addressed = allocate(allocator);
        List<Eni> api = new ArrayList<>();
        List<Eni> nlb = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String subnet = i == 0 ? subnetA : subnetB;
            api.add(new Eni(ids.aws("eni"), API_SERVER_IPS.get(i), subnet, "-"));
            nlb.add(new Eni(ids.aws("eni"), LOAD_BALANCER_IPS.get(i), subnet, "-"));
        }
        String nlbHostname = "k8s-shop-frontend-" + ids.hex(10) + ".elb." + REGION + ".amazonaws.com";
        return new ClusterPlan(account, REGION, vpcId, nodes, workloads, owners, addressed,
                ScenarioCatalog.services(nlbHostname), api, nlb, allocator.reuses(), workloadUids,
                SyntheticWorkloads.calls(synthetic, shape.random()));
    }

    /**
     * A node with {@code options.enisPerNode()} ENIs in its subnet (fact 13); the secondary ENIs'
     * identifiers come from their own topic, so that the one-ENI demo stays byte-identical.
     */
    private NodePlan node(IpAllocator allocator, int ip, String zoneLetter, String subnetId, boolean windows) {
        String name = "ip-" + Ids.ip(ip).replace('.', '-') + "." + REGION + ".compute.internal";
        String eniId = ids.aws("eni");
        String instance = ids.aws("i");
        Eni eni = new Eni(eniId, ip, subnetId, instance);
        List<Eni> enis = new ArrayList<>(List.of(eni));
        for (int i = 1; i < (windows ? 1 : options.enisPerNode()); i++) {
            enis.add(new Eni(shape.aws("eni"), allocator.fresh(ip & 0xFFFFFF00), subnetId, instance));
        }
        return new NodePlan(name, ids.uid(), REGION + zoneLetter, subnetId, enis, windows);
    }

    /** Pods a Linux node takes: 9 secondary IPs per ENI (m5.large), less headroom for churn. */
    private int capacity() {
        return IpAllocator.SECONDARY_IPS_PER_ENI * options.enisPerNode() - 3;
    }

    /** Enough extra nodes for the synthetic pods, six per /24 subnet from 10.0.3.0/24 on. */
    private List<NodePlan> extraNodes(IpAllocator allocator, List<WorkloadPlan> synthetic) {
        List<NodePlan> out = new ArrayList<>();
        int replicas = synthetic.stream().mapToInt(WorkloadPlan::replicas).sum();
        if (replicas == 0) {
            return out;
        }
        int count = (replicas + capacity() - 3) / (capacity() - 2) + 1;
        String subnetId = null;
        for (int j = 0; j < count; j++) {
            int subnet = Ids.ip(10, 0, 3 + j / 6, 0);
            if (j % 6 == 0) {
                subnetId = shape.aws("subnet");
            }
            out.add(node(allocator, allocator.fresh(subnet), (j / 6) % 2 == 0 ? "a" : "b", subnetId, false));
        }
        return out;
    }

    /** Each replica on its own node with room, chosen at random (seeded). */
    private void placeSynthetic(List<WorkloadPlan> synthetic, List<NodePlan> linux) {
        Map<NodePlan, Integer> load = new HashMap<>();
        for (PodPlan p : pods) {
            if (!p.workload().hostNetwork()) {
                load.merge(p.node(), 1, Integer::sum);
            }
        }
        java.util.SplittableRandom random = shape.random();
        for (WorkloadPlan w : synthetic) {
            List<NodePlan> free = new ArrayList<>();
            for (NodePlan n : linux) {
                if (load.getOrDefault(n, 0) < capacity()) {
                    free.add(n);
                }
            }
            if (free.size() < w.replicas()) {
                throw new IllegalStateException("no room for " + w.key() + ": planner sized too few nodes");
            }
            List<NodePlan> targets = new ArrayList<>();
            while (targets.size() < w.replicas()) {
                NodePlan n = free.remove(random.nextInt(free.size()));
                targets.add(n);
                load.merge(n, 1, Integer::sum);
            }
            deployment(w, longAgo, null, targets.toArray(NodePlan[]::new));
        }
    }

    /** Roles by index into the shuffled Linux nodes {@code l}; see the class comment. */
    private void place(List<NodePlan> l, NodePlan windows) {
        Instant rollout = options.start().plus(Duration.ofMinutes(options.minutes() / 2));
        deployment(COREDNS, longAgo, null, l.get(0), l.get(2));
        for (NodePlan n : l) {
            daemonPod(AWS_NODE, n);
            daemonPod(LOG_SHIPPER, n);
        }
        deployment(FRONTEND, longAgo, null, l.get(0), l.get(1), l.get(3));
        deployment(CATALOG, longAgo, null, l.get(1), l.get(2));
        OwnerPlan oldCart = deployment(CART, longAgo, rollout.plusSeconds(80), l.get(1), l.get(3));
        List<PodPlan> oldCartPods = new ArrayList<>(pods.subList(pods.size() - 2, pods.size()));
        deployment(CHECKOUT, longAgo, null, l.get(2));
        deployment(PAYMENT, longAgo, null, l.get(0));
        deployment(INVOICE, longAgo, null, windows);
        statefulPod(REDIS_STS, l.get(1));
        statefulPod(POSTGRES_STS, l.get(3));
        rollingUpdate(oldCart, oldCartPods, rollout, l.get(0), l.get(2));
        reportRun(options.start().plus(Duration.ofMinutes(5)), l.get(3));
        reportRun(rollout.plus(Duration.ofMinutes(5)), l.get(3));
    }

    /**
     * Churn for issue 14 ({@code --reschedules N}): N times, evenly over the window, one running pod
     * of a shop Deployment is evicted (gone 20 s later) and its ReplicaSet starts a replacement on
     * another Linux node, as a node drain or the descheduler would. Draws from a topic of its own,
     * so scenarios without rescheduling stay byte-identical.
     */
    private void reschedule(List<NodePlan> linux) {
        int n = options.reschedules();
        if (n == 0) {
            return;
        }
        Ids churn = new Ids(options.seed(), 7);
        java.util.SplittableRandom random = churn.random();
        List<WorkloadPlan> movable = List.of(FRONTEND, CATALOG, CART, CHECKOUT, PAYMENT);
        long window = options.window().getSeconds();
        for (int k = 1; k <= n; k++) {
            Instant at = options.start().plusSeconds(window * k / (n + 1) + random.nextInt(60));
            List<Integer> live = new ArrayList<>();
            for (int i = 0; i < pods.size(); i++) {
                PodPlan p = pods.get(i);
                if (movable.contains(p.workload()) && p.stopping() == null && p.running().isBefore(at)) {
                    live.add(i);
                }
            }
            if (live.isEmpty()) {
                continue;
            }
            int i = live.get(random.nextInt(live.size()));
            PodPlan old = pods.get(i);
            List<NodePlan> others = new ArrayList<>(linux);
            others.remove(old.node());
            NodePlan target = others.get(random.nextInt(others.size()));
            pods.set(i, new PodPlan(old.name(), old.uid(), old.workload(), old.ownerKind(), old.ownerName(),
                    old.ownerUid(), old.labels(), old.node(), 0, old.created(), old.running(), at.plusSeconds(20),
                    at.plusSeconds(50), false, null));
            Instant created = at.plusSeconds(1);
            pods.add(new PodPlan(old.ownerName() + "-" + churn.suffix(5), churn.uid(), old.workload(), old.ownerKind(),
                    old.ownerName(), old.ownerUid(), old.labels(), target, 0, created, created.plusSeconds(6), null,
                    null, false, null));
        }
    }

    private OwnerPlan deployment(WorkloadPlan w, Instant created, Instant retired, NodePlan... nodes) {
        String hash = ids.suffix(10);
        OwnerPlan rs = new OwnerPlan("ReplicaSet", w.name() + "-" + hash, ids.uid(), w,
                Map.of("pod-template-hash", hash), nodes.length, created, retired, null);
        owners.add(rs);
        for (NodePlan n : nodes) {
            Instant start = created.plusSeconds(2);
            add(w, rs, n, rs.name() + "-" + ids.suffix(5), start, start.plusSeconds(6), null, null, false,
                    rs.podLabels());
        }
        return rs;
    }

    /** Surge one new pod, then retire one old pod, twice (maxSurge 1, maxUnavailable 0). */
    private void rollingUpdate(OwnerPlan old, List<PodPlan> oldPods, Instant at, NodePlan first, NodePlan second) {
        String hash = ids.suffix(10);
        OwnerPlan rs = new OwnerPlan("ReplicaSet", CART.name() + "-" + hash, ids.uid(), CART,
                Map.of("pod-template-hash", hash), 2, at, null, null);
        owners.add(rs);
        NodePlan[] targets = {first, second};
        for (int i = 0; i < 2; i++) {
            Instant created = at.plusSeconds(1 + 25L * i);
            add(CART, rs, targets[i], rs.name() + "-" + ids.suffix(5), created, created.plusSeconds(6), null, null,
                    false, rs.podLabels());
            PodPlan retiring = oldPods.get(i);
            pods.set(pods.indexOf(retiring), new PodPlan(retiring.name(), retiring.uid(), CART, "ReplicaSet",
                    old.name(), old.uid(), retiring.labels(), retiring.node(), 0, retiring.created(),
                    retiring.running(), at.plusSeconds(20 + 30L * i), at.plusSeconds(50 + 30L * i), false, null));
        }
    }

    /** CronJob names its Jobs after the scheduled time in minutes since the epoch. */
    private void reportRun(Instant scheduled, NodePlan node) {
        String jobName = HOURLY_REPORT.name() + "-" + scheduled.getEpochSecond() / 60;
        String uid = ids.uid();
        OwnerPlan job = new OwnerPlan("Job", jobName, uid, HOURLY_REPORT,
                Map.of("batch.kubernetes.io/controller-uid", uid, "batch.kubernetes.io/job-name", jobName,
                        "controller-uid", uid, "job-name", jobName),
                1, scheduled.plusSeconds(1), scheduled.plusSeconds(96), scheduled.plusSeconds(155));
        owners.add(job);
        add(HOURLY_REPORT, job, node, jobName + "-" + ids.suffix(5), scheduled.plusSeconds(1),
                scheduled.plusSeconds(5), scheduled.plusSeconds(95), scheduled.plusSeconds(155), true, job.podLabels());
    }

    private void daemonPod(WorkloadPlan w, NodePlan n) {
        String revision = ids.suffix(10);
        add(w, null, n, w.name() + "-" + ids.suffix(5), longAgo, longAgo.plusSeconds(4), null, null, false,
                Map.of("controller-revision-hash", revision, "pod-template-generation", "1"));
    }

    private void statefulPod(WorkloadPlan w, NodePlan n) {
        String name = w.name() + "-0";
        add(w, null, n, name, longAgo, longAgo.plusSeconds(9), null, null, false,
                Map.of("controller-revision-hash", w.name() + "-" + ids.suffix(10),
                        "statefulset.kubernetes.io/pod-name", name, "apps.kubernetes.io/pod-index", "0"));
    }

    private void add(WorkloadPlan w, OwnerPlan owner, NodePlan node, String name, Instant created, Instant running,
            Instant stopping, Instant deleted, boolean succeeds, Map<String, String> extraLabels) {
        Map<String, String> labels = new HashMap<>(w.selector());
        labels.putAll(extraLabels);
        String ownerKind = owner == null ? w.kind() : owner.kind();
        String ownerName = owner == null ? w.name() : owner.name();
        String ownerUid = owner == null ? workloadUids.get(w.key()) : owner.uid();
        pods.add(new PodPlan(name, ids.uid(), w, ownerKind, ownerName, ownerUid, labels, node, 0, created, running,
                stopping, deleted, succeeds, null));
    }


    /** Plays creations and deletions in time order through the allocator (frees first). */
    private List<PodPlan> allocate(IpAllocator allocator) {
        record Step(Instant at, boolean free, int index) {
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < pods.size(); i++) {
            steps.add(new Step(pods.get(i).created(), false, i));
            if (pods.get(i).deleted() != null) {
                steps.add(new Step(pods.get(i).deleted(), true, i));
            }
        }
        steps.sort(Comparator.comparing(Step::at).thenComparing(s -> !s.free()).thenComparing(Step::index));
        List<PodPlan> result = new ArrayList<>(pods);
        for (Step s : steps) {
            PodPlan p = result.get(s.index());
            if (p.workload().hostNetwork()) {
                result.set(s.index(), p.withIp(p.node().ip(), p.node().eni()));
            } else if (s.free()) {
                allocator.release(p, s.at());
            } else {
                result.set(s.index(), allocator.allocate(p, s.at()));
            }
        }
        return result;
    }
}
