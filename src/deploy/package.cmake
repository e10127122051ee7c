# The Debian package (`make package` -> build/wegwijzer_<version>_<arch>.deb), built by CPack.
# CPack rather than a debian/ folder: the build stays one CMake project with one place that
# says what goes where, and no debhelper toolchain is needed to make the package.
include(GNUInstallDirs)
set(DEPLOY ${CMAKE_SOURCE_DIR}/src/deploy)

install(TARGETS wegwijzer RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/layouts/ DESTINATION ${CMAKE_INSTALL_DATADIR}/wegwijzer/layouts)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/wegwijzer/assets
        FILES_MATCHING PATTERN "*.png")
# The content channel's shipped version floor (README: Content updates).
install(FILES ${DEPLOY}/update-floor DESTINATION ${CMAKE_INSTALL_DATADIR}/wegwijzer)
install(PROGRAMS ${DEPLOY}/session/session DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/wegwijzer)
# /etc: the profile the kiosk runs, and every shipped profile beside it to copy from. A profile
# holds the admin PIN's hash, a secret: 0640, and postinst gives them to the group wegwijzer
# (dpkg-statoverride: the user is made there, after the files are unpacked).
set(PROFILE_MODE OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES ${CMAKE_SOURCE_DIR}/kiosk-config/default.toml DESTINATION /etc/wegwijzer
        RENAME kiosk.toml PERMISSIONS ${PROFILE_MODE})
file(GLOB SHIPPED_PROFILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/kiosk-config/*.toml)
install(FILES ${SHIPPED_PROFILES} DESTINATION /etc/wegwijzer/profiles PERMISSIONS ${PROFILE_MODE})
install(FILES ${DEPLOY}/session/pam DESTINATION /etc/pam.d RENAME wegwijzer)
# Where the build machine's systemd keeps its units, asked from dpkg: /lib/systemd/system on
# Debian 12 (its lintian wants that), /usr/lib/systemd/system on Debian 13 (whose lintian calls
# /lib an aliased location, an error).
execute_process(COMMAND dpkg-query -S "*/systemd/system/systemd-journald.service"
                OUTPUT_VARIABLE journald ERROR_QUIET)
string(REGEX MATCH "(/usr)?/lib/systemd/system" SYSTEMD_UNIT_DIR "${journald}")
if(NOT SYSTEMD_UNIT_DIR)
  set(SYSTEMD_UNIT_DIR /lib/systemd/system)
endif()
install(FILES ${DEPLOY}/session/wegwijzer.service DESTINATION ${SYSTEMD_UNIT_DIR})
# The appliance's lockdown against a visitor's keyboard (src/deploy/lockdown/; README: Lockdown).
set(LOCKDOWN_FILES)
foreach(pair "xorg.conf;/etc/X11/xorg.conf.d/50-wegwijzer-lockdown.conf"
             "sysctl.conf;/etc/sysctl.d/99-wegwijzer-kiosk.conf"
             "logind.conf;/etc/systemd/logind.conf.d/wegwijzer-kiosk.conf")
  list(GET pair 0 from)
  list(GET pair 1 to)
  get_filename_component(dir ${to} DIRECTORY)
  get_filename_component(name ${to} NAME)
  install(FILES ${DEPLOY}/lockdown/${from} DESTINATION ${dir} RENAME ${name})
  list(APPEND LOCKDOWN_FILES ${to})
endforeach()

set(DOC ${CMAKE_INSTALL_DATADIR}/doc/wegwijzer)
install(FILES ${DEPLOY}/debian/copyright ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${DOC})
install(FILES ${CMAKE_SOURCE_DIR}/kiosk-config/README.md DESTINATION ${DOC} RENAME profiles.md)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME wegwijzer)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT
    "Wegwijzer Werkvloer maintainers <maintainers@users.noreply.r-seed-5d7f00dc.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touchscreen kiosk on guidance at work (jobcoaching)")
set(CPACK_PACKAGE_DESCRIPTION
    "Wegwijzer Werkvloer runs fullscreen and unattended at UWV and municipal
service desks. Visitors tap through the forms of on-the-job guidance for
employees with a support need, and a short guide tells them which form
fits, where to go and who applies. In Dutch and English, with read-aloud.
.
The package starts Xorg with the kiosk as its only client on tty1 at boot,
as the system user wegwijzer, restarted by systemd and its watchdog.")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The binary looks for its content under the prefix it was built for (core/config/default_paths.h).
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(WARNING "CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}: a Debian package needs /usr")
endif()
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The shared libraries we link, from dpkg-shlibdeps; then what the binary cannot show:
# libglfw3 is GLFW's X11 build (libglfw3-wayland gets no touch input under GLFW 3.3; 3.4's
# libglfw3 holds both and the kiosk asks for X11: platform/window/lib_versions.h), the
# libraries opened on first use (platform/lazy/lazy_lib.h: speech, its audio and data, content
# updates' download and unpacking), the fonts, the X stack of the session script, and
# the CA certificates content updates over https:// check the server with (libcurl only
# recommends them).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The packages of the libraries opened on first use are asked from dpkg on the build machine, as
# dpkg-shlibdeps does for the linked ones: the files keep their names between releases, the
# packages do not (Debian 13's 64-bit time_t transition: libcurl4t64, libarchive13t64).
set(LAZY_LIB_PACKAGES)
foreach(lib libespeak-ng.so.1 libpcaudio.so.0 libcurl.so.4 libarchive.so.13)
  execute_process(COMMAND dpkg-query -S "*/${lib}" OUTPUT_VARIABLE owner ERROR_QUIET)
  string(REGEX MATCH "^[^:, ]+" pkg "${owner}")
  if(NOT pkg)
    message(WARNING "no installed Debian package holds ${lib}: the package will not depend on it")
  else()
    string(APPEND LAZY_LIB_PACKAGES "${pkg}, ")
  endif()
endforeach()
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libglfw3, ${LAZY_LIB_PACKAGES}espeak-ng-data, \
fonts-noto-core, fonts-dejavu-core, xserver-xorg-core, xserver-xorg-input-libinput, \
xauth, x11-xserver-utils, xinput, libpam-systemd, adduser, ca-certificates")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xserver-xorg-video-all")

# Maintainer scripts, and every file under /etc as a conffile (an upgrade keeps a site's edits).
set(CONFFILES /etc/wegwijzer/kiosk.toml /etc/pam.d/wegwijzer ${LOCKDOWN_FILES})
foreach(p ${SHIPPED_PROFILES})
  get_filename_component(name ${p} NAME)
  list(APPEND CONFFILES /etc/wegwijzer/profiles/${name})
endforeach()
list(JOIN CONFFILES "\n" CONFFILES_TEXT)
file(WRITE ${CMAKE_BINARY_DIR}/deploy/conffiles "${CONFFILES_TEXT}\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${DEPLOY}/debian/postinst ${DEPLOY}/debian/prerm
                                       ${DEPLOY}/debian/postrm ${CMAKE_BINARY_DIR}/deploy/conffiles)

# Debian's changelog for a native package, compressed reproducibly. The version can be set at
# packaging time (`cpack -D CPACK_PACKAGE_VERSION=...`, as the upgrade test does), so the file
# is written by CPack's own project config script below, not at configure time.
set(CPACK_DEPLOY_DIR ${DEPLOY})
set(CPACK_DEPLOY_OUT ${CMAKE_BINARY_DIR}/deploy)
set(CPACK_PROJECT_CONFIG_FILE ${DEPLOY}/cpack_changelog.cmake)
include(${CPACK_PROJECT_CONFIG_FILE})
install(FILES ${CPACK_DEPLOY_OUT}/changelog.gz DESTINATION ${DOC})
include(CPack)
