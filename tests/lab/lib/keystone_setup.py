#!/usr/bin/env python3
"""Idempotent Keystone catalog setup for the lab (get-or-create; prints what it did).

Creates the service project, masakari's service user (admin in that project), and the
catalog entries: instance-ha (masakari) and compute (the Nova simulator). Identity comes from
`keystone-manage bootstrap`. Arguments come from the environment (see tests/lab/up).
"""
import os
import sys

from keystoneauth1 import session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client

env = os.environ
auth = v3.Password(auth_url=env["KS_URL"] + "/v3", username=env["KS_ADMIN_USER"], password=env["KS_ADMIN_PASSWORD"],
                   project_name=env["KS_ADMIN_USER"], user_domain_id="default", project_domain_id="default")
ks = client.Client(session=session.Session(auth=auth))
region = env["KS_REGION"]
service_user = env["KS_SERVICE_USER"]
service_project = env["KS_SERVICE_PROJECT"]


def say(msg):
    print("[lab keystone] " + msg, flush=True)


def one(items, what):
    if len(items) > 1:
        sys.exit("more than one %s: %s" % (what, items))
    return items[0] if items else None


project = one(ks.projects.list(name=service_project, domain="default"), service_project + " project")
if project is None:
    project = ks.projects.create(service_project, domain="default", description="service users")
    say("created project " + service_project)
admin_role = one([r for r in ks.roles.list() if r.name == "admin"], "admin role")

user = one(ks.users.list(name=service_user, domain="default"), service_user + " user")
if user is None:
    user = ks.users.create(service_user, domain="default", password=env["KS_SERVICE_PASSWORD"],
                           default_project=project)
    say("created user " + service_user)
else:
    ks.users.update(user, password=env["KS_SERVICE_PASSWORD"])
ks.roles.grant(admin_role, user=user, project=project)


def service(name, stype, urls, description):
    svc = one([s for s in ks.services.list(type=stype) if s.name == name], name + " service")
    if svc is None:
        svc = ks.services.create(name, stype, description=description)
        say("created service %s (%s)" % (name, stype))
    existing = {e.interface: e for e in ks.endpoints.list(service=svc, region=region)}
    for interface in ("public", "internal", "admin"):
        url = urls
        e = existing.get(interface)
        if e is None:
            ks.endpoints.create(svc, url, interface=interface, region=region)
            say("created %s endpoint %s %s" % (name, interface, url))
        elif e.url != url:
            ks.endpoints.update(e, url=url)
            say("updated %s endpoint %s %s" % (name, interface, url))


service("masakari", "instance-ha", env["MASAKARI_URL"] + "/v1/%(tenant_id)s", "masakari instance HA")
service("nova", "compute", env["NOVA_URL"], "Nova compute API simulator")
say("catalog ready: identity, instance-ha (masakari), compute (nova simulator)")
