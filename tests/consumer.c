/* A program outside the project: built against the *installed* headers and
 * library through pkg-config by tests/consumer.sh. */
#include <stdio.h>
#include <string.h>

#include <scsec/scsec.h>

int main(void)
{
	scsec_date d;
	char buf[SCSEC_DATE_BUFSIZE];

	if (scsec_version_number() != SCSEC_VERSION_NUMBER) {
		fprintf(stderr, "header %s, library %s\n", SCSEC_VERSION_STRING, scsec_version_string());
		return 1;
	}
	if (scsec_date_parse(&d, "2026-04-01") || scsec_date_format(buf, d) || strcmp(buf, "2026-04-01"))
		return 1;
	if (scsec_date_parse(&d, "2026-02-29") != SCSEC_EDATE) {
		fprintf(stderr, "accepted 2026-02-29\n");
		return 1;
	}
	printf("consumer: libscsec %s: %s\n", scsec_version_string(),
	       scsec_error_message(scsec_error_last()));
	return 0;
}
