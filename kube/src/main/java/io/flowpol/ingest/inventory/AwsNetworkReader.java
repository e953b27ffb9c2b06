package io.flowpol.ingest.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.model.Cidr;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.inference.model.VpcAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code --aws-network FILE...}: the JSON the AWS CLI prints for {@code aws ec2
 * describe-network-interfaces} ({@code {"NetworkInterfaces":[…]}}), {@code describe-subnets}
 * ({@code {"Subnets":[…]}}), {@code describe-vpcs} ({@code {"Vpcs":[…]}}) and
 * {@code describe-vpc-endpoints} ({@code {"VpcEndpoints":[…]}}, which names an endpoint ENI's
 * service). One file may hold several of these keys. A field of the wrong shape stops the
 * run naming the file and the JSON path ({@code NetworkInterfaces[2].PrivateIpAddresses[0].PrivateIpAddress}).
 */
public final class AwsNetworkReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EXPECTED_ROOT =
            "an object with NetworkInterfaces, Subnets, Vpcs or VpcEndpoints (aws ec2 describe-... output)";

    /** One ENI as read, before the endpoint services of all files are known. */
    record Eni(String file, String path, JsonNode node) {
    }

    /** What the documents read so far hold, before the endpoint services of all of them are known. */
    static final class Collected {
        final List<Eni> enis = new ArrayList<>();
        final List<String> vpcIds = new ArrayList<>();
        final List<Cidr> cidrs = new ArrayList<>();
        final Map<String, String> serviceByEni = new HashMap<>();

        NetworkInventory inventory() {
            List<VpcAddress> addresses = new ArrayList<>();
            for (Eni eni : enis) {
                addresses(eni, serviceByEni, addresses);
            }
            return new NetworkInventory(addresses, vpcIds, cidrs);
        }
    }

    public NetworkInventory read(List<Path> files) {
        Collected all = new Collected();
        for (Path file : files) {
            collect(file.toString(), parse(file), all);
        }
        return all.inventory();
    }

    /**
     * The inventory in one document of the AWS CLI's shapes, e.g. what the aws module's
     * {@code io.flowpol.ingest.ec2.Ec2NetworkReader} fetched; {@code source} names it in messages
     * as a file would be.
     */
    public NetworkInventory read(String source, JsonNode root) {
        Collected all = new Collected();
        collect(source, root, all);
        return all.inventory();
    }

    static void collect(String name, JsonNode root, Collected all) {
        if (!root.isObject() || !(root.has("NetworkInterfaces") || root.has("Subnets") || root.has("Vpcs")
                || root.has("VpcEndpoints"))) {
            throw problem(name, "", EXPECTED_ROOT, root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        JsonNode list = array(name, root, "NetworkInterfaces", "");
        for (int i = 0; i < list.size(); i++) {
            all.enis.add(new Eni(name, "NetworkInterfaces[" + i + "]", object(name, list.get(i), "NetworkInterfaces[" + i + "]")));
        }
        collectVpcs(name, root, "", all);
    }

    /** The {@code Subnets}, {@code Vpcs} and {@code VpcEndpoints} under {@code root} (at {@code at}, a JSON path). */
    static void collectVpcs(String name, JsonNode root, String at, Collected all) {
        String prefix = at.isEmpty() ? "" : at + ".";
        JsonNode list = array(name, root, "Subnets", at);
        for (int i = 0; i < list.size(); i++) {
            String path = prefix + "Subnets[" + i + "]";
            JsonNode subnet = object(name, list.get(i), path);
            addVpcIdAndCidr(all.vpcIds, all.cidrs, name, subnet, path);
        }
        list = array(name, root, "Vpcs", at);
        for (int i = 0; i < list.size(); i++) {
            String path = prefix + "Vpcs[" + i + "]";
            JsonNode vpc = object(name, list.get(i), path);
            addVpcIdAndCidr(all.vpcIds, all.cidrs, name, vpc, path);
            JsonNode set = array(name, vpc, "CidrBlockAssociationSet", path);
            for (int j = 0; j < set.size(); j++) {
                String p = path + ".CidrBlockAssociationSet[" + j + "]";
                String c = text(name, object(name, set.get(j), p), "CidrBlock", p);
                if (c != null) {
                    all.cidrs.add(cidr(name, c, p + ".CidrBlock"));
                }
            }
        }
        list = array(name, root, "VpcEndpoints", at);
        for (int i = 0; i < list.size(); i++) {
            String path = prefix + "VpcEndpoints[" + i + "]";
            JsonNode endpoint = object(name, list.get(i), path);
            String service = text(name, endpoint, "ServiceName", path);
            JsonNode ids = array(name, endpoint, "NetworkInterfaceIds", path);
            for (int j = 0; j < ids.size(); j++) {
                if (service != null && ids.get(j).isTextual()) {
                    all.serviceByEni.putIfAbsent(ids.get(j).asText(), service);
                }
            }
        }
    }

    /** The addresses of one ENI object ({@code NetworkInterfaces[i]} of describe-network-interfaces) at {@code path}. */
    static List<VpcAddress> addresses(String file, String path, JsonNode eni, Map<String, String> serviceByEni) {
        List<VpcAddress> out = new ArrayList<>();
        addresses(new Eni(file, path, object(file, eni, path)), serviceByEni, out);
        return out;
    }

    private static void addresses(Eni eni, Map<String, String> serviceByEni, List<VpcAddress> out) {
        String f = eni.file();
        String path = eni.path();
        JsonNode n = eni.node();
        String eniId = text(f, n, "NetworkInterfaceId", path);
        String vpcId = text(f, n, "VpcId", path);
        JsonNode attachment = n.get("Attachment");
        String instanceId = attachment == null || attachment.isNull() ? null
                : text(f, object(f, attachment, path + ".Attachment"), "InstanceId", path + ".Attachment");
        JsonNode managed = n.get("RequesterManaged");
        if (managed != null && !managed.isNull() && !managed.isBoolean()) {
            throw problem(f, path + ".RequesterManaged", "true or false", managed.toString());
        }
        EniClassifier.Classification c = EniClassifier.classify(text(f, n, "InterfaceType", path),
                text(f, n, "Description", path), managed != null && managed.asBoolean(),
                text(f, n, "RequesterId", path), instanceId, eniId == null ? null : serviceByEni.get(eniId));
        JsonNode ips = array(f, n, "PrivateIpAddresses", path);
        int before = out.size();
        for (int i = 0; i < ips.size(); i++) {
            String p = path + ".PrivateIpAddresses[" + i + "]";
            String ip = text(f, object(f, ips.get(i), p), "PrivateIpAddress", p);
            if (ip != null) {
                out.add(new VpcAddress(address(f, ip, p + ".PrivateIpAddress"), c.kind(), c.name(), eniId, instanceId, vpcId));
            }
        }
        // Older output or a --query projection may carry only the top-level primary address.
        String primary = text(f, n, "PrivateIpAddress", path);
        if (out.size() == before && primary != null) {
            out.add(new VpcAddress(address(f, primary, path + ".PrivateIpAddress"), c.kind(), c.name(), eniId, instanceId, vpcId));
        }
        JsonNode v6 = array(f, n, "Ipv6Addresses", path);
        for (int i = 0; i < v6.size(); i++) {
            String p = path + ".Ipv6Addresses[" + i + "]";
            String ip = text(f, object(f, v6.get(i), p), "Ipv6Address", p);
            if (ip != null) {
                out.add(new VpcAddress(address(f, ip, p + ".Ipv6Address"), c.kind(), c.name(), eniId, instanceId, vpcId));
            }
        }
    }

    private static JsonNode parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputException(InputProblem.error(file.toString(), at == null ? 0 : at.getLineNr(), "",
                    "JSON (aws ec2 describe-... --output json)", e.getOriginalMessage()), e);
        } catch (NoSuchFileException e) {
            throw new InputException(InputProblem.error(file.toString(), 0, "--aws-network", "a readable file", "no such file"), e);
        } catch (IOException e) {
            throw new InputException(InputProblem.error(file.toString(), 0, "--aws-network", "a readable file",
                    String.valueOf(e.getMessage())), e);
        }
    }

    /** A subnet's or VPC's {@code VpcId} and primary {@code CidrBlock}, where present. */
    private static void addVpcIdAndCidr(List<String> vpcIds, List<Cidr> cidrs, String file, JsonNode node, String path) {
        addVpcId(vpcIds, file, node, path);
        String cidr = text(file, node, "CidrBlock", path);
        if (cidr != null) {
            cidrs.add(cidr(file, cidr, path + ".CidrBlock"));
        }
    }

    private static void addVpcId(List<String> out, String file, JsonNode node, String path) {
        String id = text(file, node, "VpcId", path);
        if (id != null) {
            out.add(id);
        }
    }

    /** The array under {@code key}, an empty node when absent. */
    static JsonNode array(String file, JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!n.isArray()) {
            throw problem(file, join(path, key), "an array", n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return n;
    }

    private static JsonNode object(String file, JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            throw problem(file, path, "an object", n == null ? "nothing" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return n;
    }

    /** The string under {@code key}, null when absent. */
    static String text(String file, JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw problem(file, join(path, key), "a string", n.toString());
        }
        return n.asText();
    }

    private static IpAddress address(String file, String text, String path) {
        try {
            return IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw problem(file, path, "an IPv4 or IPv6 address", "'" + text + "'");
        }
    }

    private static Cidr cidr(String file, String text, String path) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw problem(file, path, "a CIDR such as 10.0.0.0/16", "'" + text + "'");
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static InputException problem(String file, String field, String expected, String found) {
        return new InputException(InputProblem.error(file, 0, field, expected, found));
    }
}
