# Writes deploy/changelog.gz (Debian's changelog of a native package) for CPACK_PACKAGE_VERSION.
# CPack includes this before it packs (CPACK_PROJECT_CONFIG_FILE), so a version given with
# `cpack -D CPACK_PACKAGE_VERSION=...` is the one in the changelog; package.cmake includes it
# at configure time too, so `make install` finds the file.
configure_file(${CPACK_DEPLOY_DIR}/debian/changelog.in ${CPACK_DEPLOY_OUT}/changelog @ONLY)
execute_process(COMMAND gzip -9nf ${CPACK_DEPLOY_OUT}/changelog COMMAND_ERROR_IS_FATAL ANY)
