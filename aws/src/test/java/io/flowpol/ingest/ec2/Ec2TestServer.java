package io.flowpol.ingest.ec2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A loopback endpoint speaking the EC2 Query protocol for the real SDK client: form-encoded POSTs
 * ({@code Action=DescribeNetworkInterfaces&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=…}),
 * XML answers in the {@code http://ec2.amazonaws.com/doc/2016-11-15/} namespace with the wire
 * names of the API reference ({@code networkInterfaceSet/item}, {@code privateIpAddressesSet},
 * {@code attachment/instanceId}, {@code nextToken}), small pages, the filters {@code vpc-id} and
 * {@code addresses.private-ip-address}, and scripted {@code 503 RequestLimitExceeded} answers in
 * EC2's error shape ({@code Response/Errors/Error/Code}, {@code RequestID}) that the SDK retries.
 * The ENI element shapes were checked against moto's EC2 responses ({@code MotoEc2Test} reads the
 * same fields from moto through the same reader).
 */
public final class Ec2TestServer implements AutoCloseable {
    static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /** One ENI; {@code ips[0]} is the primary. */
    public record Eni(String id, String vpcId, String subnetId, String description, String interfaceType,
               boolean requesterManaged, String instanceId, String... ips) {
    }

    record Subnet(String id, String vpcId, String cidr) {
    }

    private final HttpServer server;
    private final int pageSize;
    private final Map<String, Eni> enis = new LinkedHashMap<>();
    private final List<Subnet> subnets = new ArrayList<>();
    private final Map<String, String> vpcs = new LinkedHashMap<>();
    private final Map<String, List<String>> endpoints = new LinkedHashMap<>();
    public final AtomicInteger throttles = new AtomicInteger();
    /** Actions answered with {@code 403 UnauthorizedOperation}, as for a role without the permission. */
    public final java.util.Set<String> denied = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Every request's form parameters, in order. */
    public final List<Map<String, String>> requests = new ArrayList<>();

    public Ec2TestServer(int pageSize) throws IOException {
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Ec2Client client() {
        return Ec2Client.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
    }

    public synchronized Ec2TestServer eni(Eni eni) {
        enis.put(eni.id(), eni);
        return this;
    }

    public synchronized void remove(String eniId) {
        enis.remove(eniId);
    }

    public synchronized Ec2TestServer vpc(String id, String cidr) {
        vpcs.put(id, cidr);
        return this;
    }

    public synchronized Ec2TestServer subnet(String id, String vpcId, String cidr) {
        subnets.add(new Subnet(id, vpcId, cidr));
        return this;
    }

    public synchronized Ec2TestServer endpointService(String service, String eniId) {
        endpoints.computeIfAbsent(service, s -> new ArrayList<>()).add(eniId);
        return this;
    }

    /** The actions requested, in order. */
    public synchronized List<String> actions() {
        return requests.stream().map(r -> r.get("Action")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (this) {
                requests.add(form);
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !"2016-11-15".equals(form.get("Version"))) {
                error(exchange, 400, "InvalidAction", "expected a POST of API version 2016-11-15");
                return;
            }
            if (throttles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, 503, "RequestLimitExceeded", "Request limit exceeded.");
                return;
            }
            String action = form.get("Action");
            String body;
            if (denied.contains(action)) {
                error(exchange, 403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
                return;
            }
            synchronized (this) {
                body = switch (action == null ? "" : action) {
                    case "DescribeNetworkInterfaces" -> networkInterfaces(form);
                    case "DescribeSubnets" -> list(action, "subnetSet", subnets.stream()
                            .filter(s -> matches(form, "vpc-id", s.vpcId())).map(Ec2TestServer::subnetXml).toList(), form);
                    case "DescribeVpcs" -> list(action, "vpcSet", vpcs.entrySet().stream()
                            .filter(v -> matches(form, "vpc-id", v.getKey())).map(v -> vpcXml(v.getKey(), v.getValue())).toList(), form);
                    case "DescribeVpcEndpoints" -> list(action, "vpcEndpointSet",
                            endpoints.entrySet().stream().map(e -> endpointXml(e.getKey(), e.getValue())).toList(), form);
                    default -> "";
                };
            }
            if (body.isEmpty()) {
                error(exchange, 400, "InvalidAction", "The action " + action + " is not valid for this web service.");
                return;
            }
            send(exchange, 200, body);
        }
    }

    private String networkInterfaces(Map<String, String> form) {
        List<String> items = enis.values().stream().filter(e -> matches(form, "vpc-id", e.vpcId()))
                .filter(e -> matchesAny(form, "addresses.private-ip-address", ip -> List.of(e.ips()).contains(ip)))
                .map(Ec2TestServer::eniXml).toList();
        return list("DescribeNetworkInterfaces", "networkInterfaceSet", items, form);
    }

    /** One page of {@code items} from {@code NextToken} (an index), with the next token when more are left. */
    private String list(String action, String set, List<String> items, Map<String, String> form) {
        int from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
        int to = Math.min(items.size(), from + pageSize);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action)
                .append("Response xmlns=\"").append(NS).append("\">\n  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>\n  <")
                .append(set).append(">\n");
        items.subList(from, to).forEach(xml::append);
        xml.append("  </").append(set).append(">\n");
        if (to < items.size()) {
            xml.append("  <nextToken>").append(to).append("</nextToken>\n");
        }
        return xml.append("</").append(action).append("Response>\n").toString();
    }

    static String eniXml(Eni e) {
        StringBuilder x = new StringBuilder("    <item>\n")
                .append("      <networkInterfaceId>").append(e.id()).append("</networkInterfaceId>\n")
                .append("      <subnetId>").append(e.subnetId()).append("</subnetId>\n")
                .append("      <vpcId>").append(e.vpcId()).append("</vpcId>\n")
                .append("      <availabilityZone>eu-west-1a</availabilityZone>\n")
                .append("      <description>").append(escape(e.description())).append("</description>\n")
                .append("      <ownerId>111122223333</ownerId>\n")
                .append("      <requesterManaged>").append(e.requesterManaged()).append("</requesterManaged>\n")
                .append("      <status>in-use</status>\n")
                .append("      <macAddress>02:dd:2c:5e:01:69</macAddress>\n")
                .append("      <privateIpAddress>").append(e.ips()[0]).append("</privateIpAddress>\n")
                .append("      <sourceDestCheck>true</sourceDestCheck>\n")
                .append("      <groupSet>\n        <item>\n          <groupId>sg-0a1b2c3d</groupId>\n          <groupName>eks-cluster-sg</groupName>\n        </item>\n      </groupSet>\n");
        if (e.instanceId() != null) {
            x.append("      <attachment>\n        <attachmentId>eni-attach-").append(e.id().substring(4))
                    .append("</attachmentId>\n        <instanceId>").append(e.instanceId())
                    .append("</instanceId>\n        <instanceOwnerId>111122223333</instanceOwnerId>\n        <deviceIndex>1</deviceIndex>\n")
                    .append("        <status>attached</status>\n        <attachTime>2026-11-30T09:00:00.000Z</attachTime>\n")
                    .append("        <deleteOnTermination>true</deleteOnTermination>\n      </attachment>\n");
        }
        x.append("      <tagSet/>\n      <privateIpAddressesSet>\n");
        for (int i = 0; i < e.ips().length; i++) {
            x.append("        <item>\n          <privateIpAddress>").append(e.ips()[i]).append("</privateIpAddress>\n")
                    .append("          <primary>").append(i == 0).append("</primary>\n        </item>\n");
        }
        x.append("      </privateIpAddressesSet>\n      <ipv6AddressesSet/>\n");
        if (e.interfaceType() != null) {
            x.append("      <interfaceType>").append(e.interfaceType()).append("</interfaceType>\n");
        }
        return x.append("    </item>\n").toString();
    }

    private static String subnetXml(Subnet s) {
        return "    <item>\n      <subnetId>" + s.id() + "</subnetId>\n      <state>available</state>\n      <vpcId>" + s.vpcId()
                + "</vpcId>\n      <cidrBlock>" + s.cidr() + "</cidrBlock>\n      <availableIpAddressCount>250</availableIpAddressCount>\n"
                + "      <availabilityZone>eu-west-1a</availabilityZone>\n    </item>\n";
    }

    private static String vpcXml(String id, String cidr) {
        return "    <item>\n      <vpcId>" + id + "</vpcId>\n      <state>available</state>\n      <cidrBlock>" + cidr
                + "</cidrBlock>\n      <cidrBlockAssociationSet>\n        <item>\n          <cidrBlock>" + cidr
                + "</cidrBlock>\n          <associationId>vpc-cidr-assoc-1</associationId>\n          <cidrBlockState>\n"
                + "            <state>associated</state>\n          </cidrBlockState>\n        </item>\n"
                + "      </cidrBlockAssociationSet>\n      <isDefault>false</isDefault>\n    </item>\n";
    }

    private static String endpointXml(String service, List<String> enis) {
        StringBuilder x = new StringBuilder("    <item>\n      <vpcEndpointId>vpce-0abc</vpcEndpointId>\n      <vpcEndpointType>Interface</vpcEndpointType>\n      <serviceName>")
                .append(service).append("</serviceName>\n      <networkInterfaceIdSet>\n");
        enis.forEach(id -> x.append("        <item>").append(id).append("</item>\n"));
        return x.append("      </networkInterfaceIdSet>\n    </item>\n").toString();
    }

    /** Whether the request's filter {@code name} (if any) lists {@code value}. */
    private static boolean matches(Map<String, String> form, String name, String value) {
        return matchesAny(form, name, value::equals);
    }

    private static boolean matchesAny(Map<String, String> form, String name, Predicate<String> test) {
        for (int i = 1; form.containsKey("Filter." + i + ".Name"); i++) {
            if (name.equals(form.get("Filter." + i + ".Name"))) {
                for (int j = 1; form.containsKey("Filter." + i + ".Value." + j); j++) {
                    if (test.test(form.get("Filter." + i + ".Value." + j))) {
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
                + "</Code><Message>" + message + "</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
