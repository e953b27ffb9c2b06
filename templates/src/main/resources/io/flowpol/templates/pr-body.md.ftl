<#-- The PR bot's pull-request body. Input: pr (PullRequestBodyView): cells Markdown-escaped, lists sorted, diffMarkdown rendered by diff.md.ftl. -->
<#assign s = pr.summary>
Network policies learned by flowpol from VPC Flow Logs and a recording of the cluster.
<#if s.broken gt 0>

> [!CAUTION]
> Merging this would break ${s.broken} observed flow<#if s.broken != 1>s</#if>: see below.
</#if>

| | count |
| --- | ---: |
| workloads | ${s.workloads} |
| workloads without observed traffic | ${s.silentWorkloads} |
| learned edges | ${s.edges} |
| attempts (no reply seen, not allowed) | ${s.attempts} |
| SNAT-hidden egress (not attributable to a pod) | ${s.snatEgress} |
| policies added | ${s.policiesAdded} |
| policies changed | ${s.policiesChanged} |
| policies removed | ${s.policiesRemoved} |

${pr.diffMarkdown}
## Coverage and warnings

<#if pr.warnings?has_content>
<#list pr.warnings as w>
- ${w}
</#list>
<#else>
No warnings.
</#if>

## Evidence

<#if pr.evidence?has_content>
| client | server | port | connections | first seen | last seen | direction from |
| --- | --- | --- | ---: | --- | --- | --- |
<#list pr.evidence as e>
| ${e.client} | ${e.server} | ${e.port} | ${e.connections} | ${e.firstSeen} | ${e.lastSeen} | ${e.direction} |
</#list>
<#if pr.evidenceOmitted gt 0>

${pr.evidenceOmitted} more edges are left out to fit this page; the learned edges file has them all.
</#if>
<#else>
No edge was learned.
</#if>
