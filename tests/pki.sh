#!/bin/sh
# A throw-away PKI for the signature and trust tests, made with the openssl
# command. Usage: tests/pki.sh DIR   (DIR is created; an existing complete
# PKI there is kept: the script is cheap to call from several tests).
#
# Layout (every party has key.pem, cert.pem, fingerprint = SHA-256 of the
# certificate's DER in lowercase hex, serial = lowercase hex, subject =
# RFC 2253; chain.pem when its issuer is not the operator CA):
#
#   DIR/operator/       the scheme operator's CA (self-signed, CA:TRUE, RSA)
#   DIR/intermediate/   a CA issued by the operator (CA:TRUE, RSA)
#   DIR/body1/          evaluation body 1: RSA 2048, issued by the operator
#   DIR/body2/          evaluation body 2: EC P-256, issued by the
#                       intermediate (chain.pem holds the intermediate)
#   DIR/expert/         a security expert: EC P-256, issued by the operator
#   DIR/expired/        RSA, issued by the operator, valid 2020-2021 only
#   DIR/revoked/        EC P-256, issued by the operator (the trust list is
#                       what revokes it: its serial and fingerprint)
#   DIR/stranger/       a self-signed RSA certificate nobody trusts
#   DIR/rsa1024/        a 1024-bit RSA key and certificate (refused)
#   DIR/ca.pem          the operator's and the intermediate's certificates
#   DIR/done            written last: the PKI is complete
#
# Valid certificates run from 2025-01-01 to 2035-01-01 (the CAs from
# 2024-01-01 to 2040-01-01), so tests can sign at fixed times.
set -eu
dir=${1:?usage: pki.sh DIR}
[ -f "$dir/done" ] && exit 0
OPENSSL=${OPENSSL:-openssl}
SCSEC_CA_DIR=/nonexistent; export SCSEC_CA_DIR # (the config names it)
final=$dir
mkdir -p "$final.tmp.$$"
dir=$(cd "$final.tmp.$$" && pwd)
trap 'rm -rf "$dir"' EXIT

cat >"$dir/openssl.cnf" <<'EOF'
[ ca ]
default_ca = scsec_ca
[ scsec_ca ]
database = $ENV::SCSEC_CA_DIR/index.txt
new_certs_dir = $ENV::SCSEC_CA_DIR/issued
serial = $ENV::SCSEC_CA_DIR/next-serial
default_md = sha256
policy = anything
unique_subject = no
email_in_dn = no
[ anything ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF

key() { # key DIR rsa|ec|rsa1024
	case $2 in
	rsa) $OPENSSL genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/key.pem" 2>/dev/null ;;
	rsa1024) $OPENSSL genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$1/key.pem" 2>/dev/null ;;
	ec) $OPENSSL genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1/key.pem" 2>/dev/null ;;
	esac
}

facts() { # facts DIR
	$OPENSSL x509 -in "$1/cert.pem" -outform DER | $OPENSSL dgst -sha256 -r | cut -c1-64 >"$1/fingerprint"
	$OPENSSL x509 -in "$1/cert.pem" -noout -serial | sed 's/^serial=//; s/^0*\(.\)/\1/' |
		tr 'A-F' 'a-f' >"$1/serial"
	$OPENSSL x509 -in "$1/cert.pem" -noout -subject -nameopt RFC2253,-esc_msb | sed 's/^subject=//' >"$1/subject"
}

ca_init() { # ca_init DIR
	mkdir -p "$1/issued"
	: >"$1/index.txt"
	# Distinct serials per CA, so that two CAs never issue the same one.
	printf '%s\n' "$2" >"$1/next-serial"
}

selfsigned() { # selfsigned NAME kind subject ext
	mkdir -p "$dir/$1"
	key "$dir/$1" "$2"
	$OPENSSL req -new -x509 -utf8 -config "$dir/openssl.cnf" -key "$dir/$1/key.pem" -subj "$3" \
		-extensions "$4" -days 5844 -set_serial "0x$(printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | cut -c1-16)" \
		-out "$dir/$1/cert.pem"
	facts "$dir/$1"
}

issue() { # issue NAME kind subject issuer ext start end
	mkdir -p "$dir/$1"
	key "$dir/$1" "$2"
	$OPENSSL req -new -utf8 -config "$dir/openssl.cnf" -key "$dir/$1/key.pem" -subj "$3" \
		-out "$dir/$1/req.pem"
	SCSEC_CA_DIR=$dir/$4 $OPENSSL ca -batch -utf8 -notext -config "$dir/openssl.cnf" \
		-cert "$dir/$4/cert.pem" -keyfile "$dir/$4/key.pem" -in "$dir/$1/req.pem" \
		-out "$dir/$1/cert.pem" -extensions "$5" -startdate "$6" -enddate "$7" 2>/dev/null
	rm -f "$dir/$1/req.pem"
	facts "$dir/$1"
}

V1=20250101000000Z
V2=20350101000000Z

selfsigned operator rsa "/C=JP/O=Scheme Operator (test)/CN=Test Operator CA" v3_ca
# The CA's own validity: from 2024-01-01 (req -x509 starts today; good enough).
ca_init "$dir/operator" 1000
issue intermediate rsa "/C=JP/O=Scheme Operator (test)/CN=Test Intermediate CA" operator v3_ca \
	20240101000000Z 20400101000000Z
ca_init "$dir/intermediate" 2000
issue body1 rsa "/C=JP/O=評価機関一号 (test)/CN=Evaluation Body One" operator v3_leaf $V1 $V2
issue body2 ec "/C=JP/O=Evaluation Body Two (test)/CN=Evaluation Body Two" intermediate v3_leaf $V1 $V2
cp "$dir/intermediate/cert.pem" "$dir/body2/chain.pem"
issue expert ec "/C=JP/O=Expert Office (test)/CN=Security Expert" operator v3_leaf $V1 $V2
issue expired rsa "/C=JP/O=Old Body (test)/CN=Expired Body" operator v3_leaf \
	20200101000000Z 20210101000000Z
issue revoked ec "/C=JP/O=Revoked Body (test)/CN=Revoked Body" operator v3_leaf $V1 $V2
selfsigned stranger rsa "/C=JP/O=Nobody (test)/CN=Stranger" v3_leaf
selfsigned rsa1024 rsa1024 "/C=JP/CN=Weak Key" v3_leaf
cat "$dir/operator/cert.pem" "$dir/intermediate/cert.pem" >"$dir/ca.pem"
: >"$dir/done"
rm -rf "$final.old.$$"
[ -d "$final" ] && ! [ -f "$final/done" ] && mv "$final" "$final.old.$$"
mv -T "$dir" "$final" 2>/dev/null || [ -f "$final/done" ]
rm -rf "$final.old.$$"
