# The UNO side: type library from idl/, C++ headers from cppumaker, the component library,
# the .oxt and the office tests. Needs Debian's libreoffice-dev.

set(LO_PROGRAM_DIR /usr/lib/libreoffice/program CACHE PATH "LibreOffice program directory")
set(LO_SDK_DIR /usr/lib/libreoffice/sdk CACHE PATH "LibreOffice SDK directory")
find_program(UNOIDL_WRITE unoidl-write HINTS ${LO_SDK_DIR}/bin ${LO_PROGRAM_DIR} REQUIRED)
find_program(CPPUMAKER cppumaker HINTS ${LO_SDK_DIR}/bin REQUIRED)
find_program(ZIP zip REQUIRED)

set(TRIAGE_RDB ${CMAKE_BINARY_DIR}/clienttriage.rdb)
set(TRIAGE_GEN ${CMAKE_BINARY_DIR}/uno-headers)
set(LO_TYPES ${LO_PROGRAM_DIR}/types.rdb ${LO_PROGRAM_DIR}/types/offapi.rdb)

add_custom_command(
  OUTPUT ${TRIAGE_RDB}
  COMMAND ${UNOIDL_WRITE} ${LO_TYPES} ${CMAKE_SOURCE_DIR}/idl/XClientTriage.idl ${TRIAGE_RDB}
  DEPENDS ${CMAKE_SOURCE_DIR}/idl/XClientTriage.idl
  COMMENT "unoidl-write clienttriage.rdb")
add_custom_command(
  OUTPUT ${TRIAGE_GEN}/stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${TRIAGE_GEN}
  COMMAND ${CPPUMAKER} -Gc -O${TRIAGE_GEN} ${LO_TYPES} ${TRIAGE_RDB}
  COMMAND ${CMAKE_COMMAND} -E touch ${TRIAGE_GEN}/stamp
  DEPENDS ${TRIAGE_RDB}
  COMMENT "cppumaker: UNO C++ headers")
add_custom_target(uno_headers DEPENDS ${TRIAGE_GEN}/stamp)

# Everything that includes UNO headers.
add_library(uno_sdk INTERFACE)
add_dependencies(uno_sdk uno_headers)
target_include_directories(uno_sdk SYSTEM INTERFACE ${TRIAGE_GEN} ${LO_SDK_DIR}/include)
target_compile_definitions(uno_sdk INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
target_link_directories(uno_sdk INTERFACE ${LO_SDK_DIR}/lib ${LO_PROGRAM_DIR})
target_link_libraries(uno_sdk INTERFACE uno_cppuhelpergcc3 uno_cppu uno_sal)

# ---------------------------------------------------------------- the component
file(GLOB TRIAGE_UNO_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/uno/*.cpp)
list(REMOVE_ITEM TRIAGE_UNO_SOURCES ${TRIAGE_FUNCTION_TABLE_SOURCES})
add_library(clienttriage SHARED ${TRIAGE_UNO_SOURCES})
target_include_directories(clienttriage PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(clienttriage PRIVATE triage_function_table triage_core uno_sdk)
# The .oxt carries NLopt's shared library beside the component, found there by $ORIGIN.
set_target_properties(clienttriage PROPERTIES PREFIX "lib" CXX_VISIBILITY_PRESET hidden
                                              VISIBILITY_INLINES_HIDDEN ON
                                              BUILD_RPATH "$ORIGIN" INSTALL_RPATH "$ORIGIN")
target_link_options(clienttriage PRIVATE -Wl,--no-undefined -Wl,-z,defs -Wl,--exclude-libs,ALL)
# NLopt's library beside the built component too, as in the .oxt: the build's own component
# (the registration test loads it) then works where NLopt is not installed (the newest-office
# chroot, scripts/test-newest-office.sh).
get_filename_component(TRIAGE_NLOPT_SONAME_FILE ${TRIAGE_NLOPT_LIBRARY} REALPATH)
add_custom_command(TARGET clienttriage POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy ${TRIAGE_NLOPT_SONAME_FILE}
          $<TARGET_FILE_DIR:clienttriage>/libnlopt.so.0)

# ---------------------------------------------------------------- the .oxt
set(TRIAGE_OXT ${CMAKE_BINARY_DIR}/client-triage.oxt)
set(TRIAGE_STAGE ${CMAKE_BINARY_DIR}/oxt)
file(GLOB_RECURSE TRIAGE_EXTENSION_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/extension/*
     ${CMAKE_SOURCE_DIR}/dialogs/*)
# The version in one place (project() in CMakeLists.txt), written into description.xml.
configure_file(${CMAKE_SOURCE_DIR}/extension/description.xml.in
               ${CMAKE_BINARY_DIR}/description.xml @ONLY)
# The component ships stripped of symbols and debug information (the build keeps its own).
find_program(TRIAGE_STRIP NAMES ${CMAKE_STRIP} strip REQUIRED)
add_custom_command(
  OUTPUT ${TRIAGE_OXT}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${TRIAGE_STAGE} ${TRIAGE_OXT}
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/extension ${TRIAGE_STAGE}
  COMMAND ${CMAKE_COMMAND} -E rm -f ${TRIAGE_STAGE}/description.xml.in
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/description.xml ${TRIAGE_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E make_directory ${TRIAGE_STAGE}/registration
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/LICENSE
          ${TRIAGE_STAGE}/registration/license_en.txt
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/dialogs ${TRIAGE_STAGE}/dialogs
  COMMAND ${CMAKE_COMMAND} -E copy ${TRIAGE_RDB} $<TARGET_FILE:clienttriage> ${TRIAGE_STAGE}/
  COMMAND ${TRIAGE_STRIP} --strip-unneeded ${TRIAGE_STAGE}/$<TARGET_FILE_NAME:clienttriage>
  COMMAND ${CMAKE_COMMAND} -E copy ${TRIAGE_NLOPT_SONAME_FILE} ${TRIAGE_STAGE}/libnlopt.so.0
  COMMAND ${CMAKE_COMMAND} -E chdir ${TRIAGE_STAGE} ${ZIP} -q -r -X ${TRIAGE_OXT} .
  DEPENDS clienttriage ${TRIAGE_RDB} ${TRIAGE_EXTENSION_FILES} ${CMAKE_SOURCE_DIR}/LICENSE
          ${CMAKE_BINARY_DIR}/description.xml
  COMMENT "Packaging client-triage.oxt")
add_custom_target(oxt ALL DEPENDS ${TRIAGE_OXT})

# ---------------------------------------------------------------- office harness, tests, example
# The harness starts a throwaway headless office with the built .oxt installed.
add_library(office_harness STATIC ${CMAKE_SOURCE_DIR}/tests/office/office.cpp
                           ${CMAKE_SOURCE_DIR}/tests/office/sheet_ops.cpp)
target_include_directories(office_harness PUBLIC ${CMAKE_SOURCE_DIR}/tests/office)
target_link_libraries(office_harness PUBLIC uno_sdk)
target_compile_definitions(office_harness PRIVATE
  TRIAGE_OXT_PATH="${TRIAGE_OXT}"
  TRIAGE_LO_PROGRAM_DIR="${LO_PROGRAM_DIR}")
add_dependencies(office_harness oxt)

file(GLOB TRIAGE_OFFICE_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/office/*_test.cpp)
list(REMOVE_ITEM TRIAGE_OFFICE_SOURCES ${CMAKE_SOURCE_DIR}/tests/office/sidebar_gui_test.cpp)
add_executable(office_tests ${CMAKE_SOURCE_DIR}/tests/office/main.cpp ${TRIAGE_OFFICE_SOURCES})
target_link_libraries(office_tests PRIVATE office_harness GTest::gtest)
set_target_properties(office_tests PROPERTIES BUILD_RPATH ${LO_PROGRAM_DIR})
target_compile_definitions(office_tests PRIVATE TRIAGE_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
                           TRIAGE_OXT_PATH="${TRIAGE_OXT}" TRIAGE_VERSION="${PROJECT_VERSION}"
                                                 TRIAGE_SHARED_DATA="${CMAKE_SOURCE_DIR}/../shared/data"
                                                 TRIAGE_COMPONENT_PATH="$<TARGET_FILE:clienttriage>")
add_test(NAME office_tests COMMAND office_tests)
set_tests_properties(office_tests PROPERTIES TIMEOUT 1200)

# The README's main command: the example workbook evaluated by the installed extension.
add_executable(run_example ${CMAKE_SOURCE_DIR}/examples/run_example.cpp)
target_link_libraries(run_example PRIVATE office_harness triage_core)
set_target_properties(run_example PROPERTIES BUILD_RPATH ${LO_PROGRAM_DIR})
target_compile_definitions(run_example PRIVATE TRIAGE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

# The office benchmark (BENCHMARKS.md): CLIENT_TIER against the built-in formulas, the
# getDataArray/setDataArray floor and the office's memory, in a real headless office. Not a
# test itself; its --quick mode is, so that it cannot rot.
#
# The floor is measured inside the office by a protocol handler of its own (bench/floor/),
# packaged as client-triage-bench-floor.oxt that only office_bench installs.
add_library(clienttriage_floor SHARED ${CMAKE_SOURCE_DIR}/bench/floor/floor_handler.cpp)
target_include_directories(clienttriage_floor PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(clienttriage_floor PRIVATE uno_sdk)
set_target_properties(clienttriage_floor PROPERTIES PREFIX "lib" CXX_VISIBILITY_PRESET hidden
                                                    VISIBILITY_INLINES_HIDDEN ON)
target_link_options(clienttriage_floor PRIVATE -Wl,--no-undefined -Wl,-z,defs)
set(TRIAGE_FLOOR_OXT ${CMAKE_BINARY_DIR}/client-triage-bench-floor.oxt)
set(TRIAGE_FLOOR_STAGE ${CMAKE_BINARY_DIR}/floor-oxt)
file(GLOB_RECURSE TRIAGE_FLOOR_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/bench/floor/*)
add_custom_command(
  OUTPUT ${TRIAGE_FLOOR_OXT}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${TRIAGE_FLOOR_STAGE} ${TRIAGE_FLOOR_OXT}
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/bench/floor ${TRIAGE_FLOOR_STAGE}
  COMMAND ${CMAKE_COMMAND} -E rm -f ${TRIAGE_FLOOR_STAGE}/floor_handler.cpp
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE:clienttriage_floor> ${TRIAGE_FLOOR_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E chdir ${TRIAGE_FLOOR_STAGE} ${ZIP} -q -r -X ${TRIAGE_FLOOR_OXT} .
  DEPENDS clienttriage_floor ${TRIAGE_FLOOR_FILES}
  COMMENT "Packaging client-triage-bench-floor.oxt")
add_custom_target(floor_oxt DEPENDS ${TRIAGE_FLOOR_OXT})

add_executable(office_bench ${CMAKE_SOURCE_DIR}/bench/office_bench.cpp)
target_include_directories(office_bench PRIVATE ${CMAKE_SOURCE_DIR}/examples)
target_link_libraries(office_bench PRIVATE office_harness)
target_compile_definitions(office_bench PRIVATE TRIAGE_FLOOR_OXT_PATH="${TRIAGE_FLOOR_OXT}")
add_dependencies(office_bench floor_oxt)
set_target_properties(office_bench PROPERTIES BUILD_RPATH ${LO_PROGRAM_DIR})
add_test(NAME office_bench_smoke COMMAND office_bench --quick)
set_tests_properties(office_bench_smoke PROPERTIES TIMEOUT 300)

# The sidebar in a real window: needs a display, so ctest runs it under xvfb-run.
add_executable(sidebar_tests ${CMAKE_SOURCE_DIR}/tests/office/sidebar_gui_test.cpp)
target_link_libraries(sidebar_tests PRIVATE office_harness GTest::gtest GTest::gtest_main)
set_target_properties(sidebar_tests PROPERTIES BUILD_RPATH ${LO_PROGRAM_DIR})
target_compile_definitions(sidebar_tests PRIVATE TRIAGE_BINARY_DIR="${CMAKE_BINARY_DIR}"
                                                 TRIAGE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
find_program(XVFB_RUN xvfb-run)
if(XVFB_RUN)
  add_test(NAME sidebar_gui
           COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" $<TARGET_FILE:sidebar_tests>)
  set_tests_properties(sidebar_gui PROPERTIES TIMEOUT 300)
endif()
